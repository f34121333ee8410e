/*
 * The assignment phase (`npm run bench -- --only assignment`, and one phase of the full run): realistic
 * calls of the solver (src/domain/assignment) timed against the goals of issue 12, each result verified
 * independently of the solver (k distinct reviewers each, no conflict, no exclusion, capacities kept,
 * loads balanced), then a call for late proposals on top of the first (existing loads count, nothing
 * moves). In process, no server: the solver is pure code that the assignment command will call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './server.js';
import { assignReviewers, type SolveStats } from '../../src/domain/assignment/solve.js';
import type {
  AssignmentProposal,
  AssignmentResult,
  AssignmentReviewer,
} from '../../src/domain/assignment/model.js';

export interface AssignmentScale {
  name: string;
  proposals: number;
  institutions: number;
  reviewers: number;
  goalMs: number;
}

export const ASSIGNMENT_SCALES: AssignmentScale[] = [
  { name: 'KIPP', proposals: 3500, institutions: 350, reviewers: 40, goalMs: 2000 },
  { name: 'Kemendagri scale', proposals: 30000, institutions: 530, reviewers: 300, goalMs: 30000 },
];

const K = 2;
const CATEGORIES = 10;
/** 38 provinces (Kemendagri codes, the first two digits). */
const PROVINCES = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96',
]; // prettier-ignore

/** A small deterministic generator (mulberry32), so every run solves the same instances. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

export interface AssignmentInstance {
  proposals: AssignmentProposal[];
  reviewers: AssignmentReviewer[];
  /** Every reviewer's home province (the regional rule: not its own province). */
  province: Map<number, string>;
}

/**
 * Proposals spread over institutions (a few large provinces and cities send many, most send some) and
 * over 10 categories (a few popular); reviewers from participant institutions (half) and from outside
 * (universities, ministries), each with 2–3 expertise categories, 0–3 declared conflicts, its own
 * institution, and the regional rule; one in ten works part time (a capacity below the average).
 */
export function generateInstance(scale: AssignmentScale, seed = 12): AssignmentInstance {
  const r = rng(seed);
  const instProvince = Array.from(
    { length: scale.institutions + 1 },
    () => PROVINCES[r.int(PROVINCES.length)],
  );
  const weight = Array.from({ length: scale.institutions }, () => 0.2 + r.next() ** 3 * 4);
  const total = weight.reduce((s, w) => s + w, 0);
  const proposals: AssignmentProposal[] = [];
  let id = 1;
  for (let i = 0; i < scale.institutions && id <= scale.proposals; i++) {
    const count =
      i === scale.institutions - 1
        ? scale.proposals - id + 1
        : Math.min(scale.proposals - id + 1, Math.round((weight[i] / total) * scale.proposals));
    for (let c = 0; c < count; c++, id++) {
      const category = Math.min(CATEGORIES - 1, Math.floor(r.next() ** 1.5 * CATEGORIES));
      proposals.push({
        id,
        institutionId: i + 1,
        categoryKey: `kategori-${category + 1}`,
        groupKey: 'umum',
        regionCode: instProvince[i + 1],
        need: K,
        excludedReviewerIds: [],
      });
    }
  }
  const average = (proposals.length * K) / scale.reviewers;
  const province = new Map<number, string>();
  const reviewers: AssignmentReviewer[] = [];
  for (let j = 0; j < scale.reviewers; j++) {
    const rid = 10_000 + j;
    const fromParticipant = r.next() < 0.5;
    const affiliation = fromParticipant ? 1 + r.int(scale.institutions) : 100_000 + j;
    const home = fromParticipant ? instProvince[affiliation] : PROVINCES[r.int(PROVINCES.length)];
    province.set(rid, home);
    const expertise = new Set<string>();
    const want = 2 + r.int(2);
    while (expertise.size < want) expertise.add(`kategori-${1 + r.int(CATEGORIES)}`);
    const conflicts = new Set<number>([affiliation]);
    const declared = r.int(4);
    for (let d = 0; d < declared; d++) conflicts.add(1 + r.int(scale.institutions));
    reviewers.push({
      id: rid,
      capacity: r.next() < 0.1 ? Math.floor(average * 0.6) : null,
      currentLoad: 0,
      expertise: [...expertise],
      conflictInstitutionIds: conflicts,
      conflictRegionCodes: [home],
    });
  }
  return { proposals, reviewers, province };
}

export interface Verification {
  ok: boolean;
  problems: string[];
  maxLoad: number;
  minLoad: number;
  /** max − min among the reviewers below their capacity (the balance goal: ≤ 1). */
  spreadBelowCapacity: number;
  expertiseMisses: number;
}

/** Checks a result without trusting the solver: every rule recomputed from the instance. */
export function verifyAssignment(
  inst: AssignmentInstance,
  result: AssignmentResult,
  { spreadGoal = true } = {},
): Verification {
  const problems: string[] = [];
  if (!result.ok) return { ok: false, problems: ['infeasible'], maxLoad: 0, minLoad: 0, spreadBelowCapacity: 0, expertiseMisses: 0 }; // prettier-ignore
  const byId = new Map(inst.reviewers.map((r) => [r.id, r]));
  const given = new Map<number, Set<number>>();
  const added = new Map<number, number>();
  let misses = 0;
  const proposals = new Map(inst.proposals.map((p) => [p.id, p]));
  for (const pair of result.pairs) {
    const p = proposals.get(pair.proposalId);
    const rv = byId.get(pair.reviewerId);
    if (!p || !rv) {
      problems.push(`unknown pair ${pair.proposalId}/${pair.reviewerId}`);
      continue;
    }
    const set = given.get(p.id) ?? new Set<number>();
    if (set.has(rv.id)) problems.push(`proposal ${p.id} has reviewer ${rv.id} twice`);
    set.add(rv.id);
    given.set(p.id, set);
    const conflicts = rv.conflictInstitutionIds as ReadonlySet<number>;
    if (conflicts.has(p.institutionId) || inst.province.get(rv.id) === p.regionCode)
      problems.push(`proposal ${p.id} given conflicted reviewer ${rv.id}`);
    if (p.excludedReviewerIds.includes(rv.id)) problems.push(`proposal ${p.id} given excluded ${rv.id}`);
    if (!rv.expertise.includes(p.categoryKey)) misses++;
    added.set(rv.id, (added.get(rv.id) ?? 0) + 1);
  }
  for (const p of inst.proposals)
    if ((given.get(p.id)?.size ?? 0) !== p.need)
      problems.push(`proposal ${p.id} has ${given.get(p.id)?.size ?? 0} of ${p.need}`);
  const loads = inst.reviewers.map((r) => r.currentLoad + (added.get(r.id) ?? 0));
  inst.reviewers.forEach((r, j) => {
    if (r.capacity !== null && loads[j] > r.capacity) problems.push(`reviewer ${r.id} over capacity`);
  });
  const below = loads.filter(
    (l, j) => inst.reviewers[j].capacity === null || l < inst.reviewers[j].capacity!,
  );
  const spread = below.length ? Math.max(...below) - Math.min(...below) : 0;
  if (spreadGoal && spread > 1) problems.push(`loads below capacity spread ${spread}`);
  return {
    ok: problems.length === 0,
    problems: problems.slice(0, 5),
    maxLoad: Math.max(...loads),
    minLoad: Math.min(...loads),
    spreadBelowCapacity: spread,
    expertiseMisses: misses,
  };
}

export interface AssignmentRun {
  scale: AssignmentScale;
  ms: number;
  /** CPU time of this process over the call: the figure the machine's other load does not inflate. */
  cpuMs: number;
  stats: SolveStats;
  verification: Verification;
  late: { proposals: number; ms: number; verification: Verification; existingKept: boolean };
}

export interface AssignmentPhaseResult {
  runs: AssignmentRun[];
  rows: { target: string; figure: string; goal: string; pass: boolean | null }[];
}

export function assignmentPhase(
  log: (line: string) => void,
  scales: readonly AssignmentScale[] = ASSIGNMENT_SCALES,
): AssignmentPhaseResult {
  const runs: AssignmentRun[] = [];
  for (const scale of scales) {
    const inst = generateInstance(scale);
    const stats: SolveStats = { classes: 0, arcs: 0, phases: 0 };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = assignReviewers(inst, stats);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const verification = verifyAssignment(inst, result);
    log(
      `  ${scale.name}: ${scale.proposals} proposals × ${K} from ${scale.reviewers} reviewers in ${Math.round(ms)} ms (${Math.round(cpuMs)} CPU-ms) ` +
        `(${stats.classes} classes, ${stats.arcs} arcs, ${stats.phases} phases); loads ${verification.minLoad}–${verification.maxLoad}, ` +
        `spread below capacity ${verification.spreadBelowCapacity}, ${verification.expertiseMisses} expertise misses` +
        (verification.ok ? '' : `; PROBLEMS ${verification.problems.join('; ')}`),
    );
    // Late proposals: 50 more, the first call's pairs are existing load and must stay as they are.
    const lateCount = 50;
    const loads = result.ok ? new Map(result.loads.map((l) => [l.reviewerId, l.after])) : new Map();
    const lateInst: AssignmentInstance = {
      province: inst.province,
      reviewers: inst.reviewers.map((r) => ({ ...r, currentLoad: loads.get(r.id) ?? 0 })),
      proposals: inst.proposals.slice(0, lateCount).map((p, i) => ({ ...p, id: 1_000_000 + i })),
    };
    const t1 = performance.now();
    const lateResult = assignReviewers(lateInst);
    const lateMs = performance.now() - t1;
    // The late ones come from a few institutions whose conflicts keep some reviewers out, so the spread
    // goal is the first call's; their balance is optimal by construction (the property tests check it).
    const lateVerification = verifyAssignment(lateInst, lateResult, { spreadGoal: false });
    const existingKept = lateResult.ok && lateResult.pairs.every((p) => p.proposalId >= 1_000_000);
    log(
      `    then ${lateCount} late proposals in ${Math.round(lateMs)} ms; loads ${lateVerification.minLoad}–${lateVerification.maxLoad}` +
        (lateVerification.ok && existingKept ? '' : `; PROBLEMS ${lateVerification.problems.join('; ')}`),
    );
    runs.push({
      scale,
      ms,
      cpuMs,
      stats,
      verification,
      late: { proposals: lateCount, ms: lateMs, verification: lateVerification, existingKept },
    });
  }
  const rows = runs.map((run) => ({
    target: `assignment ${run.scale.proposals} × ${K} from ${run.scale.reviewers}`,
    figure: `${Math.round(run.ms)} ms (${Math.round(run.cpuMs)} CPU-ms)${run.verification.ok && run.late.verification.ok && run.late.existingKept ? ', verified' : ', INVALID'}`,
    goal: `< ${run.scale.goalMs / 1000} s`,
    pass:
      run.ms < run.scale.goalMs && run.verification.ok && run.late.verification.ok && run.late.existingKept,
  }));
  return { runs, rows };
}

/** `npm run bench -- --only assignment`: this phase alone, its table, its JSON; answers the exit code. */
export function runAssignmentOnly(): number {
  const log = (line: string) => console.log(line);
  const startedAt = new Date();
  log(`Sinovik benchmark — assignment phase only (${startedAt.toISOString()})`);
  log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}; node ${process.version}`,
  );
  log('\n▶ assignment: the solver on realistic instances, verified, then 50 late proposals on top');
  const result = assignmentPhase(log);
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  log('\n══ Sinovik benchmark: assignment ' + '═'.repeat(78));
  log(`${pad('target', 40)} ${pad('figure', 40)} ${pad('goal', 14)} result`);
  for (const r of result.rows)
    log(`${pad(r.target, 40)} ${pad(r.figure, 40)} ${pad(r.goal, 14)} ${r.pass ? 'PASS' : 'FAIL'}`);
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-assignment.json`);
  const json = {
    startedAt: startedAt.toISOString(),
    command: 'npm run bench -- --only assignment',
    machine: { cores: os.cpus().length, loadBefore: os.loadavg(), node: process.version },
    targets: result.rows,
    runs: result.runs,
  };
  fs.writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  log(`\nfigures written to ${path.relative(process.cwd(), outFile)}`);
  return result.rows.some((r) => r.pass === false) ? 1 : 0;
}
