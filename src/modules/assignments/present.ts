import Papa from 'papaparse';
import type { AssignmentItem, StageAssignmentSummary } from '../../contracts/assignments.js';
import { stageTeam } from '../../domain/review-settings.js';
import type { StageRow } from '../../db/schema.js';
import type { StageContext } from './context.js';
import { poolNotReady } from './context.js';
import { assignmentIndex } from './plan.js';
import { panelPlan } from './panel.js';
import type { StageAssignmentRow } from './queries.js';

/** The stage's assignments as the page lists them (paged, filtered). */
export function presentItems(ctx: StageContext): (row: StageAssignmentRow) => AssignmentItem {
  const proposals = new Map(ctx.pool.map((p) => [p.id, p]));
  const team = new Map(ctx.team.map((m) => [m.id, m]));
  return (a) => {
    const p = proposals.get(a.proposal_id);
    const m = team.get(a.reviewer_id);
    return {
      id: a.id,
      proposal: {
        id: a.proposal_id,
        code: p?.code ?? String(a.proposal_id),
        title: p?.title ?? '',
        institution: p?.institutionName ?? '',
        category: p?.categoryName ?? null,
      },
      reviewer: { id: a.reviewer_id, name: m?.name ?? '', email: m?.email ?? '' },
      origin: a.origin,
      status: a.status,
      evaluation: a.evaluation_status ?? null,
      withdrawnReason: a.withdrawn_reason,
      createdAt: a.created_at,
      expertiseMatch: !!(p?.categoryKey && m?.expertise.includes(p.categoryKey)),
    };
  };
}

export function presentSummary(
  ctx: StageContext,
  stages: readonly StageRow[],
  categories: StageAssignmentSummary['categories'],
  abilities: { run: boolean; edit: boolean },
): StageAssignmentSummary {
  const { active, load } = assignmentIndex(ctx.assignments);
  const submitted = new Map<number, number>();
  for (const a of ctx.assignments)
    if (a.status === 'active' && a.evaluation_status === 'submitted')
      submitted.set(a.reviewer_id, (submitted.get(a.reviewer_id) ?? 0) + 1);
  let complete = 0;
  let missingPairs = 0;
  const wholePanel = ctx.settings.mode === 'whole_panel';
  const plan = wholePanel ? panelPlan(ctx) : null;
  if (plan) {
    // Complete: every panelist who does not abstain is on the finalist.
    const missing = new Map<number, number>();
    for (const p of plan.pairs) missing.set(p.proposalId, (missing.get(p.proposalId) ?? 0) + 1);
    missingPairs = plan.pairs.length;
    complete = ctx.pool.filter((p) => !missing.has(p.id)).length;
  } else
    for (const p of ctx.pool) {
      const on = active.get(p.id)?.size ?? 0;
      if (on >= ctx.k) complete++;
      else missingPairs += ctx.k - on;
    }
  const s = ctx.stage;
  return {
    competition: { id: ctx.competition.id, name: ctx.competition.name, timeZone: ctx.competition.time_zone },
    stage: {
      id: s.id,
      kind: s.kind,
      nameId: s.name_id,
      nameEn: s.name_en,
      opensAt: s.opens_at,
      closesAt: s.closes_at,
      reviewersPerProposal: wholePanel ? ctx.team.length : ctx.k,
      mode: ctx.settings.mode,
      team: stageTeam(s.kind) ?? 'evaluation',
    },
    categories,
    stages: stages.map((x) => ({ id: x.id, kind: x.kind, nameId: x.name_id, nameEn: x.name_en })),
    pool: {
      proposals: ctx.pool.length,
      complete,
      missingPairs,
      notReady: poolNotReady(s, ctx.pool.length),
    },
    reviewers: ctx.team.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      profileComplete: m.profileComplete,
      capacity: m.capacity,
      load: load.get(m.id) ?? 0,
      submitted: submitted.get(m.id) ?? 0,
      expertise: m.expertise,
    })),
    abstentions: plan?.abstentions ?? [],
    abilities,
  };
}

const CSV_HEAD = [
  'kode_proposal',
  'judul',
  'instansi',
  'kategori',
  'email_penilai',
  'nama_penilai',
  'asal',
  'status',
  'dibuat',
];

/** The stage's active assignments as CSV (UTF-8 with BOM, formulas escaped); re-importable as is. */
export function assignmentsCsv(items: readonly AssignmentItem[]): string {
  const rows = items.map((i) => [
    i.proposal.code,
    i.proposal.title,
    i.proposal.institution,
    i.proposal.category ?? '',
    i.reviewer.email,
    i.reviewer.name,
    i.origin,
    i.status,
    i.createdAt,
  ]);
  return '\uFEFF' + Papa.unparse([CSV_HEAD, ...rows], { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}
