/*
 * The phases a demo competition of the national organizer runs through (issues 13 and 14), shared by the
 * panel demo (demo-panel.ts: at its final finalist list, the presentation open now) and last year's KIPP
 * (demo-last-year.ts: run on to its published results, a year ago).
 *
 * Everything goes through the real commands at instants inside each past window, as the people would have
 * done it: the proposals are written and forwarded before the closing, the closing job receives them, the
 * secretariat passes them at the administrative check and publishes it, the assignment runs, the Tim
 * Evaluasi scores and submits, the results are decided, the finalists are computed, the provisional list is
 * published before the uji publik and the final list fixed after it.
 */
import type { Db } from '../db/connect.js';
import type { CompetitionRow, InstitutionRow, StageRow } from '../db/schema.js';
import type { CompetitionDefinition } from '../domain/competition-template.js';
import type { Clock } from '../platform/clock.js';
import type { BlobStore } from '../platform/storage.js';
import { selectFinalists } from '../domain/shortlist/select.js';
import { runDueJobs } from '../platform/jobs.js';
import { loadGrants } from '../platform/sessions.js';
import { createFromTemplate } from '../modules/competitions/commands/create-from-template.js';
import { updateCompetition } from '../modules/competitions/commands/update-competition.js';
import { setCompetitionStatus } from '../modules/competitions/commands/set-status.js';
import { toDefinition } from '../modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../modules/competitions/queries.js';
import { scheduleSubmissionJobs } from '../modules/competitions/submission-jobs.js';
import { submissionJobHandlers } from '../modules/deadlines/jobs.js';
import { applyBulkPass } from '../modules/admin-check/commands/bulk-pass.js';
import { publishAdminResults } from '../modules/announcements/commands/publish-admin-results.js';
import { runAssignment } from '../modules/assignments/commands/run-assignment.js';
import { prepareRubric } from '../modules/review/commands/prepare-rubric.js';
import { saveEvaluation } from '../modules/review/commands/save-evaluation.js';
import { submitEvaluation } from '../modules/review/commands/submit-evaluation.js';
import { setResultsSettings } from '../modules/stage-results/commands/set-results-settings.js';
import { decideResults } from '../modules/stage-results/commands/decide-results.js';
import { saveFinalistSettings } from '../modules/finalists/commands/save-settings.js';
import { computeFinalists } from '../modules/finalists/commands/compute-finalists.js';
import { publishProvisional } from '../modules/finalists/commands/publish-provisional.js';
import { fixFinalList } from '../modules/finalists/commands/fix-final.js';
import { seedDemoProposals } from './demo-proposals.js';
import { closingDone, DAY, endOfDay, shifted } from './demo-selection.js';
import { seedDemoReviewTeams } from './demo-review-team.js';

export const HOUR = 3_600_000;

/** The days (from now) a stage's window runs, by stage kind. */
export type DemoPlan = Record<string, [number, number]>;

/**
 * The windows of a demo competition from its plan; a stage the plan does not name keeps its order after
 * the plan's last day, a week each; the publication runs from the submission's opening to the last close.
 */
export function planWindows(def: CompetitionDefinition, now: Date, plan: DemoPlan): CompetitionDefinition {
  const tz = def.timeZone;
  const at = (days: number) => endOfDay(now, days, tz).toISOString();
  let next = Math.max(...Object.values(plan).map((w) => w[1]));
  const stages = def.stages.map((s) => {
    const planned = plan[s.kind];
    if (planned) return { ...s, opensAt: at(planned[0]), closesAt: at(planned[1]) };
    if (s.kind === 'publication' || (!s.opensAt && !s.closesAt)) return s;
    const from = next;
    next += 7;
    return { ...s, opensAt: at(from), closesAt: at(next) };
  });
  const first = at(plan.submission![0]);
  const last = stages.reduce((m, s) => (s.closesAt && s.closesAt > m ? s.closesAt : m), first);
  return {
    ...def,
    stages: stages.map((s) => (s.kind === 'publication' ? { ...s, opensAt: first, closesAt: last } : s)),
  };
}

/** An instant `hours` after a stage opens. */
export const inside = (stage: StageRow, hours: number) =>
  new Date(Date.parse(stage.opens_at!) + hours * HOUR);

/**
 * The score an evaluator gives every criterion of a proposal: spread by the proposal so the ranking means
 * something (about two thirds reach the pass mark), the two evaluators three points apart.
 */
export const demoScore: DemoScore = (proposalId, nth) => 58 + ((proposalId * 37) % 35) + nth * 3;

/** The score the `nth` reviewer of a proposal (of that group) gives each criterion. */
export type DemoScore = (proposalId: number, nth: number, groupKey: string, title: string) => number;

/** Every active assignment of the stage scored and submitted by its reviewer at `at`. */
export async function scoreStage(
  db: Db,
  stage: StageRow,
  at: Date,
  baseUrl: string,
  score: DemoScore = demoScore,
): Promise<void> {
  const open = await db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select(['a.id', 'a.reviewer_id', 'a.proposal_id', 'p.group_id', 'p.title', 'g.key as group_key'])
    .where('a.stage_id', '=', stage.id)
    .where('a.status', '=', 'active')
    .orderBy('a.id')
    .execute();
  const nth = new Map<number, number>();
  for (const a of open) {
    const k = nth.get(a.proposal_id) ?? 0;
    nth.set(a.proposal_id, k + 1);
    const criteria = await db
      .selectFrom('rubric_criteria')
      .select('id')
      .where('stage_id', '=', stage.id)
      .where('group_id', '=', a.group_id)
      .execute();
    const actor = { userId: a.reviewer_id, grants: await loadGrants(db, a.reviewer_id) };
    const value = Math.min(100, score(a.proposal_id, k, a.group_key, a.title));
    const saved = await saveEvaluation(db, {
      assignmentId: a.id,
      actor,
      body: {
        version: 0,
        scores: criteria.map((c) => ({
          criterionId: c.id,
          value,
          comment: 'Masalah, solusi, dan hasil dijelaskan dengan data yang dapat diperiksa.',
        })),
      },
      ip: null,
      now: at,
    });
    await submitEvaluation(db, {
      assignmentId: a.id,
      actor,
      version: saved.version,
      ip: null,
      baseUrl,
      now: at,
    });
  }
}

/** A demo competition to run to its final finalist list. */
export interface DemoRun {
  code: string;
  name: string;
  year: number;
  plan: DemoPlan;
  passMark: number;
  /** Finalist places per group. */
  places: { umum: number; replikasi: number; khusus: number };
  letterNumber: (year: number) => string;
  decree: (year: number) => string;
  /** The reviewers' scores (default `demoScore`). */
  score?: DemoScore;
}

export interface RunInput {
  organizer: InstitutionRow;
  adminId: number;
  dataDir: string;
  /** Where the evidence goes (the app's storage); default the disk storage in `dataDir`. */
  storage?: BlobStore;
  baseUrl: string;
}

export interface FinalListed {
  competition: CompetitionRow;
  stageOf: (kind: string) => StageRow;
}

/**
 * Creates the competition (organizer: the national KIPP's) and runs it from its publication to the final
 * finalist list at the plan's windows. Needs the demo's data folder (the proposals' evidence files).
 * `adminId` acts for the setup and the selection's secretariat steps, as the other demo seeds do.
 */
export async function runToFinalList(
  db: Db,
  clock: Clock,
  run: DemoRun,
  input: RunInput,
): Promise<FinalListed> {
  const now = clock.now();
  const ip = null;
  const actorUserId = input.adminId;
  const created = await createFromTemplate(db, {
    template: 'kipp',
    preset: 'kipp-2023',
    year: run.year,
    code: run.code,
    name: run.name,
    organizer: input.organizer,
    createdBy: actorUserId,
    ip,
    now,
  });
  const full = await loadCompetitionFull(db, created.id);
  const def = planWindows(toDefinition(full!), now, run.plan);
  const closesAt = Date.parse(def.stages.find((s) => s.kind === 'submission')!.closesAt!);
  // Published while its window is open (closing tomorrow), as demo-selection.ts does; then its real
  // windows, and each proposal written at an instant before the real closing.
  const shift = now.getTime() + DAY - closesAt;
  await updateCompetition(db, { id: created.id, definition: shifted(def, shift), actorUserId, ip, now });
  await setCompetitionStatus(db, { id: created.id, to: 'published', actorUserId, ip, now });
  await db.transaction().execute(async (tx) => {
    for (const s of def.stages)
      await tx
        .updateTable('stages')
        .set({ opens_at: s.opensAt, closes_at: s.closesAt })
        .where('competition_id', '=', created.id)
        .where('kind', '=', s.kind)
        .execute();
  });
  await seedDemoProposals(db, {
    competitionId: created.id,
    dataDir: input.dataDir,
    storage: input.storage,
    baseUrl: input.baseUrl,
    now: new Date(closesAt - 2 * HOUR),
    finalState: (state) => (state === 'sent' || state === 'returned' ? 'forwarded' : state),
  });
  await seedDemoReviewTeams(db, { competitionId: created.id, createdBy: actorUserId, now });
  await db.transaction().execute((tx) => scheduleSubmissionJobs(tx, created.id, now));
  await runDueJobs(db, clock, submissionJobHandlers);
  await closingDone(db, created.id);

  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  const stages = await db.selectFrom('stages').selectAll().where('competition_id', '=', created.id).execute();
  const stageOf = (kind: string): StageRow => stages.find((s) => s.kind === kind)!;
  const year = competition.year;

  // The administrative check: every received proposal passes, and the results are published.
  const admin = stageOf('administrative');
  const received = await db
    .selectFrom('admin_checks')
    .select(['proposal_id', 'version'])
    .where('competition_id', '=', created.id)
    .orderBy('proposal_id')
    .execute();
  await applyBulkPass(db, {
    competitionId: created.id,
    organizerInstitutionId: input.organizer.id,
    rows: received.map((r) => ({ proposalId: r.proposal_id, version: r.version })),
    actorUserId,
    ip,
    now: inside(admin, 24),
  });
  await publishAdminResults(db, {
    competition,
    body: {
      letterNumber: `B/12/PP.00.05/${year}`,
      titleId: `Hasil seleksi administrasi ${run.name}`,
      titleEn: `Administrative check results, ${run.name}`,
      bodyId: 'Proposal berikut lolos seleksi administrasi dan dinilai oleh Tim Evaluasi.',
      bodyEn: 'The following proposals passed the administrative check and go to the Tim Evaluasi.',
    },
    actorUserId,
    ip,
    now: inside(admin, 48),
    baseUrl: input.baseUrl,
  });

  // Both scored stages: rubric, pass mark, the assignment, every evaluation submitted, the results decided.
  for (const kind of ['evaluation_1', 'evaluation_2'] as const) {
    const stage = stageOf(kind);
    const at = (hours: number) => inside(stage, hours);
    await prepareRubric(db, { competition, stage, actorUserId, ip, now: at(1) });
    await setResultsSettings(db, {
      competitionId: created.id,
      stageId: stage.id,
      passMark: run.passMark,
      basis: 'raw',
      actorUserId,
      ip,
      now: at(1),
    });
    await runAssignment(db, {
      competitionId: created.id,
      stageId: stage.id,
      actorUserId,
      ip,
      baseUrl: input.baseUrl,
      now: at(2),
    });
    await scoreStage(db, stage, at(72), input.baseUrl, run.score);
    await decideResults(db, {
      competitionId: created.id,
      stageId: stage.id,
      actorUserId,
      ip,
      now: at(24 * 8),
    });
  }

  // The finalists: the places, the exact selection, the provisional list before the uji publik, the final
  // list after it.
  const finalists = stageOf('finalists');
  await saveFinalistSettings(db, {
    competition,
    body: { perGroup: run.places, passMark: run.passMark, quotas: [], threeTRegions: [] },
    actorUserId,
    ip,
    now: inside(finalists, 1),
  });
  const computed = await computeFinalists(db, {
    competition,
    solve: selectFinalists,
    actorUserId,
    ip,
    now: inside(finalists, 2),
  });
  await publishProvisional(db, {
    competition,
    body: { letterNumber: run.letterNumber(year), version: computed.version },
    actorUserId,
    ip,
    now: inside(finalists, 48),
  });
  await fixFinalList(db, {
    competition,
    body: { decreeNumber: run.decree(year) },
    actorUserId,
    ip,
    now: inside(stageOf('public_objection'), 24 * 7 + 2),
    baseUrl: input.baseUrl,
  });
  return { competition, stageOf };
}
