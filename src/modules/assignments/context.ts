import type { Db } from '../../db/connect.js';
import { dialectOf } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import { parseRegionalRule, type RegionalRule } from '../../domain/conflicts.js';
import { parseSettings } from '../../domain/deadlines.js';
import { conflict, notFound, t, type Text } from '../../domain/errors.js';
import {
  isReviewStage,
  reviewSettingsOf,
  stageTeam,
  type ReviewSettings,
} from '../../domain/review-settings.js';
import { formatInstant } from '../../domain/time.js';
import {
  poolOf,
  stageAssignments,
  teamOf,
  type AssignmentCompetition,
  type PoolProposal,
  type StageAssignmentRow,
  type TeamMember,
} from './queries.js';
import { findCompetitionRow } from '../competitions/queries.js';

/** Everything a change of a stage's assignments reads, loaded in its transaction. */
export interface StageContext {
  competition: AssignmentCompetition;
  stage: StageRow;
  k: number;
  settings: ReviewSettings;
  rule: RegionalRule;
  pool: PoolProposal[];
  team: TeamMember[];
  assignments: StageAssignmentRow[];
}

export const stageNotFound = () => notFound(t('Tahap tidak ditemukan.', 'Stage not found.'));

/** The competition's regional conflict rule (review_team_settings, migration 0030; no row: the default). */
export async function regionalRuleOf(db: Db, competitionId: number): Promise<RegionalRule> {
  const row = await db
    .selectFrom('review_team_settings')
    .select('regional_conflict')
    .where('competition_id', '=', competitionId)
    .executeTakeFirst();
  return parseRegionalRule(row?.regional_conflict);
}

/** The stage row of a scored stage of the competition, or 404; `lock` serializes changes on PostgreSQL. */
export async function findReviewStage(
  db: Db,
  competitionId: number,
  stageId: number,
  lock = false,
): Promise<StageRow> {
  const stage = await db
    .selectFrom('stages')
    .selectAll()
    .where('id', '=', stageId)
    .where('competition_id', '=', competitionId)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!stage || !isReviewStage(stage.kind)) throw stageNotFound();
  return stage;
}

/** Why no assignment may be made in the stage now (it closed), or null. */
export function closedRefusal(stage: StageRow, timeZone: string, now: Date): Text | null {
  if (!stage.closes_at || Date.parse(stage.closes_at) > now.getTime()) return null;
  return t(
    `Tahap ${stage.name_id} sudah ditutup pada ${formatInstant(stage.closes_at, timeZone, 'id')}; penugasan tidak dapat diubah lagi.`,
    `The ${stage.name_en} stage closed at ${formatInstant(stage.closes_at, timeZone, 'en')}; its assignments can no longer change.`,
  );
}

export function assertOpenForAssignment(stage: StageRow, timeZone: string, now: Date): void {
  const closed = closedRefusal(stage, timeZone, now);
  if (closed) throw conflict('stage_closed', closed);
}

/** Loads the stage's context (the stage row locked on PostgreSQL, so two changes run one after the other). */
export async function loadStageContext(
  tx: Db,
  competitionId: number,
  stageId: number,
): Promise<StageContext> {
  const competition = await findCompetitionRow(tx, competitionId);
  if (!competition) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
  const stage = await findReviewStage(tx, competitionId, stageId, true);
  const [pool, team, assignments, rule] = await Promise.all([
    poolOf(tx, stage),
    teamOf(tx, competitionId, stageTeam(stage.kind) ?? 'evaluation'),
    stageAssignments(tx, stage.id),
    regionalRuleOf(tx, competitionId),
  ]);
  const settings = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  return {
    competition,
    stage,
    k: settings.reviewersPerProposal,
    settings,
    rule,
    pool,
    team,
    assignments,
  };
}

/** Why the stage's pool is empty, for the page and the refusal of a run. */
export function poolNotReady(stage: StageRow, poolSize: number): Text | null {
  if (poolSize > 0) return null;
  if (stage.kind === 'presentation')
    return t(
      'Presentasi dan wawancara menilai para finalis; penugasan panel dimulai setelah daftar finalis final ditetapkan dan diumumkan.',
      'The presentation and interview scores the finalists; the panel is assigned once the final finalist list is fixed and announced.',
    );
  if (stage.kind === 'evaluation_1')
    return t(
      'Belum ada proposal yang lolos seleksi administrasi: penugasan dimulai setelah hasil seleksi administrasi diumumkan.',
      'No proposal has passed the administrative check yet: assignment starts once its results are published.',
    );
  return t(
    'Tahap ini menilai proposal yang lolos Evaluasi 1; penugasannya dimulai setelah hasil Evaluasi 1 ditetapkan.',
    'This stage scores the proposals that passed Evaluation 1; its assignment starts once those results are set.',
  );
}
