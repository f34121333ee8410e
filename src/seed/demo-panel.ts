/*
 * The panel demo (issue 13 "Done when"): a third national competition of the demo organizer whose selection
 * is over — the submission closed two months ago, the administrative check, both scored stages, the
 * finalists and the uji publik ran in the weeks after it, and the final finalist list stands — so the
 * independent panel's stages (presentation and interview, field verification, the final session) and the
 * results can be worked by the demo accounts from the first start. The presentation window is open now.
 *
 * The selection runs through the real commands (demo-run.ts runToFinalList). The presentation's rubric is
 * prepared and the Tim Panel assigned to it; the public rating of the finalists' benefit is open for the
 * same window.
 */
import type { Db } from '../db/connect.js';
import type { CompetitionRow } from '../db/schema.js';
import type { CompetitionDefinition } from '../domain/competition-template.js';
import type { Clock } from '../platform/clock.js';
import { runAssignment } from '../modules/assignments/commands/run-assignment.js';
import { prepareRubric } from '../modules/review/commands/prepare-rubric.js';
import { setRatingWindow } from '../modules/public-ratings/commands/set-window.js';
import { findRatingCompetition } from '../modules/public-ratings/queries.js';
import { planWindows, runToFinalList, type DemoPlan, type RunInput } from './demo-run.js';

export const PANEL_DEMO = {
  code: 'KIPP-PANEL',
  name: 'KIPP Demo Panel',
  /** Days since the submission window closed. */
  closedDaysAgo: 60,
  passMark: 70,
  /** Finalist places per group: the demo's 25 proposals give about ten finalists. */
  places: { umum: 8, replikasi: 2, khusus: 2 },
  letterNumber: (year: number) => `B/41/PP.00.05/${year}`,
  decree: (year: number) => `Keputusan Menteri PANRB Nomor 77 Tahun ${year}`,
} as const;

/** The days (from now) each stage's window runs, the panel's stages from yesterday on. */
const PLAN: DemoPlan = {
  submission: [-135, -60],
  administrative: [-60, -50],
  evaluation_1: [-50, -36],
  evaluation_2: [-36, -26],
  finalists: [-26, -21],
  public_objection: [-21, -14],
  presentation: [-1, 7],
  field_verification: [7, 14],
  final_panel: [14, 18],
  announcement: [18, 25],
};

/** The windows of the panel demo; a stage the plan does not name keeps its order after the announcement. */
export function panelWindows(def: CompetitionDefinition, now: Date): CompetitionDefinition {
  return planWindows(def, now, PLAN);
}

/** Seeds the panel demo competition (organizer: the national KIPP's) and returns it. */
export async function seedPanelDemo(db: Db, clock: Clock, input: RunInput): Promise<CompetitionRow> {
  const now = clock.now();
  const ip = null;
  const actorUserId = input.adminId;
  const { competition, stageOf } = await runToFinalList(
    db,
    clock,
    { ...PANEL_DEMO, year: now.getUTCFullYear(), plan: PLAN },
    input,
  );

  // The presentation, open now: its rubric prepared and the whole Tim Panel assigned to every finalist
  // (a panelist in conflict with a finalist abstains on it), so each panelist finds the finalists to score.
  const presentation = stageOf('presentation');
  await prepareRubric(db, { competition, stage: presentation, actorUserId, ip, now });
  await runAssignment(db, {
    competitionId: competition.id,
    stageId: presentation.id,
    actorUserId,
    ip,
    baseUrl: input.baseUrl,
    now,
  });

  // The public rates the finalists' benefit (KIPP 2025) while the panel hears them: the window is the
  // presentation's, open now.
  await setRatingWindow(db, {
    competition: (await findRatingCompetition(db, competition.id))!,
    window: { enabled: true, opensAt: presentation.opens_at!, closesAt: presentation.closes_at! },
    actorUserId,
    ip,
    now,
  });
  return competition;
}
