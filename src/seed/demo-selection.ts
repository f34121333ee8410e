/*
 * The selection demo (issue 12 "Done when"): a second national competition of the demo organizer whose
 * submission window closed a few days ago, so the whole selection can be worked by the demo accounts from
 * the first start: the administrative check (open now), evaluation 1, the evidence stage (evaluation 2),
 * the finalists and the uji publik, each window laid out from now. Everything goes through the real
 * commands: the proposals are written, sent and forwarded before the closing (demo-proposals.ts, at instants
 * inside the window), and the closing job itself receives them (receipts to each admin lokal, the
 * administrative queue's rows). The Tim Evaluasi and Tim Panel are the demo's (demo-review-team.ts), granted
 * on this competition too; the rubrics of both scored stages are prepared and their pass marks set.
 */
import type { Db } from '../db/connect.js';
import type { CompetitionRow, InstitutionRow, StageRow } from '../db/schema.js';
import type { CompetitionDefinition } from '../domain/competition-template.js';
import { wallClock, zonedToUtc } from '../domain/time.js';
import type { Clock } from '../platform/clock.js';
import type { BlobStore } from '../platform/storage.js';
import { parseSettings } from '../domain/deadlines.js';
import { runDueJobs } from '../platform/jobs.js';
import { createFromTemplate } from '../modules/competitions/commands/create-from-template.js';
import { updateCompetition } from '../modules/competitions/commands/update-competition.js';
import { setCompetitionStatus } from '../modules/competitions/commands/set-status.js';
import { toDefinition } from '../modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../modules/competitions/queries.js';
import { scheduleSubmissionJobs } from '../modules/competitions/submission-jobs.js';
import { submissionJobHandlers } from '../modules/deadlines/jobs.js';
import { prepareRubric } from '../modules/review/commands/prepare-rubric.js';
import { setResultsSettings } from '../modules/stage-results/commands/set-results-settings.js';
import { seedDemoProposals } from './demo-proposals.js';
import { seedDemoReviewTeams } from './demo-review-team.js';

export const SELECTION_DEMO = {
  code: 'KIPP-SELEKSI',
  name: 'KIPP Demo Seleksi',
  /** Days since the submission window closed. */
  closedDaysAgo: 3,
  /** The pass marks of the two scored stages (the 2025 KIPP used 85; the demo's scores are spread lower). */
  passMark: { evaluation_1: 75, evaluation_2: 75 },
} as const;

/** The Tim Evaluasi members besides the listed demo evaluator (demo-review-team.ts), printed on start. */
export const SELECTION_EVALUATORS = [
  'andi.prasetyo@demo.sinovik.id',
  'maya.kartika@demo.sinovik.id',
  'hendro.wibisono@demo.sinovik.id',
] as const;

export const DAY = 86_400_000;

/** 23:59 in the competition's zone, `days` days from `now` (negative: in the past). */
export function endOfDay(now: Date, days: number, timeZone: string): Date {
  const local = wallClock(new Date(now.getTime() + days * DAY), timeZone);
  return zonedToUtc({ year: local.year, month: local.month, day: local.day, hour: 23, minute: 59 }, timeZone);
}

/**
 * The windows of the selection demo: the submission closed `closedDaysAgo` days ago; the administrative
 * check runs from the closing for a week from now; evaluation 1 two weeks after it, the evidence stage ten
 * days, the finalists four, the uji publik five (kipp-reference §6: about 5 days). Stages after those keep
 * their order, moved past the uji publik.
 */
export function selectionWindows(def: CompetitionDefinition, now: Date): CompetitionDefinition {
  const tz = def.timeZone;
  const closed = endOfDay(now, -SELECTION_DEMO.closedDaysAgo, tz);
  const at = (days: number) => endOfDay(now, days, tz).toISOString();
  const plan: Record<string, [string, string]> = {
    submission: [new Date(closed.getTime() - 45 * DAY).toISOString(), closed.toISOString()],
    administrative: [closed.toISOString(), at(7)],
    evaluation_1: [at(7), at(21)],
    evaluation_2: [at(21), at(31)],
    finalists: [at(31), at(35)],
    public_objection: [at(35), at(40)],
  };
  let next = 40;
  const stages = def.stages.map((s) => {
    const planned = plan[s.kind];
    if (planned) return { ...s, opensAt: planned[0], closesAt: planned[1] };
    if (s.kind === 'publication' || (!s.opensAt && !s.closesAt)) return s;
    const from = next;
    next += 14;
    return { ...s, opensAt: at(from), closesAt: at(next) };
  });
  // Publikasi runs alongside, from the opening of the submission until the last stage ends.
  const last = stages.reduce((m, s) => (s.closesAt && s.closesAt > m ? s.closesAt : m), plan.submission![1]);
  return {
    ...def,
    stages: stages.map((s) =>
      s.kind === 'publication' ? { ...s, opensAt: plan.submission![0], closesAt: last } : s,
    ),
  };
}

/** Every stage's window moved by `ms`. */
export function shifted(def: CompetitionDefinition, ms: number): CompetitionDefinition {
  const move = (iso: string | null) => (iso ? new Date(Date.parse(iso) + ms).toISOString() : null);
  return {
    ...def,
    stages: def.stages.map((s) => ({ ...s, opensAt: move(s.opensAt), closesAt: move(s.closesAt) })),
  };
}

/** Waits (up to 30 s) until the competition's closing job has run, by whichever process took it. */
export async function closingDone(db: Db, competitionId: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const stage = await db
      .selectFrom('stages')
      .select('settings')
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    if (parseSettings(stage.settings).closedAt !== undefined) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('a demo competition was not closed by its closing job');
}

/**
 * Seeds the selection demo competition (organizer: the national KIPP's) and returns it. Needs the demo's
 * data folder (the proposals' evidence files). `admin` acts for the setup, as the national KIPP's seed does.
 */
export async function seedSelectionDemo(
  db: Db,
  clock: Clock,
  input: {
    organizer: InstitutionRow;
    adminId: number;
    dataDir: string;
    storage?: BlobStore;
    baseUrl: string;
  },
): Promise<CompetitionRow> {
  const now = clock.now();
  const ip = null;
  const created = await createFromTemplate(db, {
    template: 'kipp',
    // The demo proposals use the 2023 sector categories (src/seed/data/demo-proposals.json).
    preset: 'kipp-2023',
    year: now.getUTCFullYear(),
    code: SELECTION_DEMO.code,
    name: SELECTION_DEMO.name,
    organizer: input.organizer,
    createdBy: input.adminId,
    ip,
    now,
  });
  const full = await loadCompetitionFull(db, created.id);
  const def = selectionWindows(toDefinition(full!), now);
  const closesAt = Date.parse(def.stages.find((s) => s.kind === 'submission')!.closesAt!);
  // Published while its window is open: the calendar first stands a few days later (closing tomorrow), so
  // a running worker (a server started before the seed, as in the browser tests) never closes it before
  // every proposal is written. Each step happens at an instant before the real closing.
  const shift = now.getTime() + DAY - closesAt;
  await updateCompetition(db, {
    id: created.id,
    definition: shifted(def, shift),
    actorUserId: input.adminId,
    ip,
    now,
  });
  await setCompetitionStatus(db, { id: created.id, to: 'published', actorUserId: input.adminId, ip, now });
  await seedDemoProposals(db, {
    competitionId: created.id,
    dataDir: input.dataDir,
    storage: input.storage,
    baseUrl: input.baseUrl,
    now: new Date(closesAt - 2 * 3_600_000),
    // Past the closing, every proposal that was sent made it through its admin lokal; drafts stay drafts
    // (frozen at the closing) and the withdrawn one stays withdrawn.
    finalState: (state) => (state === 'sent' || state === 'returned' ? 'forwarded' : state),
  });
  await seedDemoReviewTeams(db, { competitionId: created.id, createdBy: input.adminId, now });

  // The calendar as it really stood: the closing a few days ago (the seed's own edit of the stage rows; the
  // product never moves a published closing earlier), its closing job moved with it.
  await db.transaction().execute(async (tx) => {
    for (const s of def.stages)
      await tx
        .updateTable('stages')
        .set({ opens_at: s.opensAt, closes_at: s.closesAt })
        .where('competition_id', '=', created.id)
        .where('kind', '=', s.kind)
        .execute();
    await scheduleSubmissionJobs(tx, created.id, now);
  });
  // The closing job, as the worker runs it: receives the forwarded proposals (receipts to the admin lokal,
  // the administrative queue's rows) and freezes the rest. A worker already running may take it first:
  // then wait for it.
  await runDueJobs(db, clock, submissionJobHandlers);
  await closingDone(db, created.id);

  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  const stages = await db.selectFrom('stages').selectAll().where('competition_id', '=', created.id).execute();
  const stageOf = (kind: string): StageRow => stages.find((s) => s.kind === kind)!;
  for (const kind of ['evaluation_1', 'evaluation_2'] as const) {
    const stage = stageOf(kind);
    await prepareRubric(db, { competition, stage, actorUserId: input.adminId, ip, now });
    await setResultsSettings(db, {
      competitionId: created.id,
      stageId: stage.id,
      passMark: SELECTION_DEMO.passMark[kind],
      basis: 'raw',
      actorUserId: input.adminId,
      ip,
      now,
    });
  }
  return competition;
}
