import { dialectOf, type Db } from '../../db/connect.js';
import type { CompetitionRow, FinalistSelectionRow, StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { conflict, notFound, t } from '../../domain/errors.js';
import { finalistSettingsOf, type FinalistSettings } from '../../domain/finalist-settings.js';
import type { FinalistCandidate } from '../../domain/shortlist/types.js';

/*
 * What the finalists read: the competition with its finalists, evidence and uji publik stages, the
 * candidates (the evidence stage's advanced proposals), and the staged selection.
 */

export interface FinalistsContext {
  competition: CompetitionRow;
  stage: StageRow;
  evidenceStage: StageRow;
  objectionStage: StageRow | undefined;
  groups: { id: number; key: string; nameId: string; nameEn: string }[];
  categories: { id: number; key: string; nameId: string; nameEn: string }[];
  settings: FinalistSettings;
}

export const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

export async function findCompetition(db: Db, id: number): Promise<CompetitionRow | undefined> {
  return db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
}

async function stageOf(db: Db, competitionId: number, kind: string, lock = false) {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', kind)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/**
 * The competition's finalists context; `lock` holds the finalists stage row (PostgreSQL) so that two
 * secretariat members computing or publishing at once wait for each other. 404 without the stages.
 */
export async function loadContext(
  db: Db,
  competition: CompetitionRow,
  lock = false,
): Promise<FinalistsContext> {
  const stage = await stageOf(db, competition.id, 'finalists', lock);
  const evidenceStage = await stageOf(db, competition.id, 'evaluation_2');
  if (!stage || !evidenceStage)
    throw notFound(t('Tahap finalis tidak ditemukan.', 'The finalists stage was not found.'));
  const objectionStage = await stageOf(db, competition.id, 'public_objection');
  const groups = await db
    .selectFrom('competition_groups')
    .select(['id', 'key', 'name_id', 'name_en'])
    .where('competition_id', '=', competition.id)
    .orderBy('position')
    .execute();
  const categories = await db
    .selectFrom('categories')
    .select(['id', 'key', 'name_id', 'name_en'])
    .where('competition_id', '=', competition.id)
    .orderBy('position')
    .execute();
  const groupKeys = groups.map((g) => g.key);
  return {
    competition,
    stage,
    evidenceStage,
    objectionStage,
    groups: groups.map((g) => ({ id: g.id, key: g.key, nameId: g.name_id, nameEn: g.name_en })),
    categories: categories.map((c) => ({ id: c.id, key: c.key, nameId: c.name_id, nameEn: c.name_en })),
    settings: finalistSettingsOf(parseSettings(stage.settings), groupKeys),
  };
}

/** Whether the evidence stage's results are set (its stage_results rows exist). */
export async function evidenceDecided(db: Db, evidenceStageId: number): Promise<boolean> {
  const row = await db
    .selectFrom('stage_results')
    .select('id')
    .where('stage_id', '=', evidenceStageId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export const evidenceNotDecided = (ctx: FinalistsContext) =>
  conflict(
    'evidence_stage_not_decided',
    t(
      `Hasil tahap "${ctx.evidenceStage.name_id}" belum ditetapkan: finalis dihitung dari proposal yang lolos tahap itu.`,
      `The results of "${ctx.evidenceStage.name_en}" are not set yet: the finalists come from the proposals that passed it.`,
    ),
  );

export interface CandidateRow extends FinalistCandidate {
  code: string;
  title: string;
  institution: string;
  institutionId: number;
}

/**
 * The candidates: the proposals the evidence stage advanced (score = that stage's counted score), still in
 * judging (passed_admin or finalist), with group, category, participant type (the institution's type) and
 * region. Ordered by id.
 */
export async function loadCandidates(db: Db, ctx: FinalistsContext): Promise<CandidateRow[]> {
  const rows = await db
    .selectFrom('stage_results as r')
    .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'r.score',
      'g.key as group_key',
      'c.key as category_key',
      'i.id as institution_id',
      'i.name as institution',
      'i.type as institution_type',
      'i.region_code',
    ])
    .where('r.stage_id', '=', ctx.evidenceStage.id)
    .where('r.outcome', '=', 'advanced')
    .where('p.state', 'in', ['passed_admin', 'finalist'])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    score: r.score ?? 0,
    groupKey: r.group_key,
    categoryKey: r.category_key ?? '',
    participantType: r.institution_type,
    regionCode: r.region_code,
    code: r.code,
    title: r.title,
    institution: r.institution,
    institutionId: r.institution_id,
  }));
}

/** How many candidates there are (as `loadCandidates` would list), without reading them. */
export async function countCandidates(db: Db, ctx: FinalistsContext): Promise<number> {
  const r = await db
    .selectFrom('stage_results as r')
    .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.stage_id', '=', ctx.evidenceStage.id)
    .where('r.outcome', '=', 'advanced')
    .where('p.state', 'in', ['passed_admin', 'finalist'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findSelection(db: Db, stageId: number): Promise<FinalistSelectionRow | undefined> {
  return db.selectFrom('finalist_selections').selectAll().where('stage_id', '=', stageId).executeTakeFirst();
}

export const selectionPublished = () =>
  conflict(
    'finalists_published',
    t(
      'Daftar finalis sementara sudah diumumkan; perhitungan dan pengaturannya tidak dapat diubah lagi.',
      'The provisional finalists are published; their computation and settings can no longer change.',
    ),
  );
