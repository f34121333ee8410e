import { dialectOf, type Db } from '../../db/connect.js';
import type { CompetitionRow, StageRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/deadlines.js';
import { conflict, notFound, t } from '../../domain/errors.js';
import { finalPanelSettingsOf, type FinalPanelSettings } from '../../domain/final-panel-settings.js';

/*
 * What the final session reads: the competition's `final_panel` stage and its settings, the groups, the
 * finalists (the proposals in state `finalist`: the final list of issue 12) and the staged decisions.
 */

export const FINAL_PANEL_KIND = 'final_panel';
/** The stage whose score is the presentation score the publication requires (issue 13 point 2). */
export const PRESENTATION_KIND = 'presentation';
/** The announcement kind of the published results (one per final_panel stage). */
export const RESULTS_KIND = 'final_results';

export interface ResultsContext {
  competition: CompetitionRow;
  stage: StageRow;
  groups: { id: number; key: string; nameId: string; nameEn: string }[];
  settings: FinalPanelSettings;
}

export const competitionNotFound = () => notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));

/** The context; `lock` holds the final_panel stage row (PostgreSQL) so publishers wait for each other. */
export async function loadResultsContext(
  db: Db,
  competition: CompetitionRow,
  lock = false,
): Promise<ResultsContext> {
  const stage = await db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competition.id)
    .where('kind', '=', FINAL_PANEL_KIND)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!stage)
    throw notFound(t('Tahap sidang Tim Panel tidak ditemukan.', 'The final session stage was not found.'));
  const groups = await db
    .selectFrom('competition_groups')
    .select(['id', 'key', 'name_id', 'name_en'])
    .where('competition_id', '=', competition.id)
    .orderBy('position')
    .execute();
  return {
    competition,
    stage,
    groups: groups.map((g) => ({ id: g.id, key: g.key, nameId: g.name_id, nameEn: g.name_en })),
    settings: finalPanelSettingsOf(
      parseSettings(stage.settings),
      groups.map((g) => g.key),
    ),
  };
}

export interface FinalistRow {
  id: number;
  code: string;
  title: string;
  groupKey: string;
  institutionId: number;
  institution: string;
  unitId: number;
  unit: string;
}

/** The competition's finalists (state `finalist`), by code. */
export async function loadFinalists(db: Db, competitionId: number): Promise<FinalistRow[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .select([
      'p.id',
      'p.code',
      'p.title',
      'g.key as group_key',
      'i.id as institution_id',
      'i.name as institution',
      'u.id as unit_id',
      'u.name as unit',
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    groupKey: r.group_key,
    institutionId: r.institution_id,
    institution: r.institution,
    unitId: r.unit_id,
    unit: r.unit,
  }));
}

export interface DecisionRow {
  proposalId: number;
  awardKey: string | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  version: number;
}

export async function loadDecisions(db: Db, stageId: number): Promise<Map<number, DecisionRow>> {
  const rows = await db
    .selectFrom('panel_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .select(['d.proposal_id', 'd.award_key', 'd.reason', 'u.name', 'd.decided_at', 'd.version'])
    .where('d.stage_id', '=', stageId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.proposal_id,
      {
        proposalId: r.proposal_id,
        awardKey: r.award_key,
        reason: r.reason,
        decidedBy: r.name,
        decidedAt: r.decided_at,
        version: r.version,
      },
    ]),
  );
}

/** The published results' announcement, if any. */
export async function findResultsAnnouncement(db: Db, stageId: number) {
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('kind', '=', RESULTS_KIND)
    .executeTakeFirst();
}

export const resultsPublished = () =>
  conflict(
    'results_published',
    t(
      'Hasil sudah diumumkan (mungkin oleh anggota sekretariat lain); keputusan dan pengaturan sidang tidak dapat diubah lagi. Muat ulang halaman.',
      'The results are already published (perhaps by another secretariat member); the decisions and settings can no longer change. Reload the page.',
    ),
  );
