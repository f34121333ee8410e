import { dialectOf, type Db } from '../../db/connect.js';
import type {
  AmendmentRow,
  CategoryRow,
  CompetitionGroupRow,
  CompetitionRow,
  FormSectionRow,
  InstitutionRow,
  StageRow,
} from '../../db/schema.js';

/** A competition with every row that defines it, in display order. */
export interface CompetitionFull {
  competition: CompetitionRow;
  organizer: { id: number; name: string };
  categories: CategoryRow[];
  groups: (CompetitionGroupRow & { sections: FormSectionRow[] })[];
  stages: StageRow[];
}

export async function findCompetitionRow(db: Db, id: number): Promise<CompetitionRow | undefined> {
  return db.selectFrom('competitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The competition's submission stage. `lock` takes a row lock on PostgreSQL so that an extension and a
 * closing never read-modify-write the stage's settings at the same time (SQLite has a single writer).
 */
export async function findSubmissionStage(
  db: Db,
  competitionId: number,
  lock = false,
): Promise<StageRow | undefined> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'submission')
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function findInstitution(db: Db, id: number): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Another competition of the same organizer already using this code and year. */
export async function findClash(
  db: Db,
  input: { organizerInstitutionId: number; code: string; year: number; exceptId?: number },
): Promise<{ id: number } | undefined> {
  let q = db
    .selectFrom('competitions')
    .select('id')
    .where('organizer_institution_id', '=', input.organizerInstitutionId)
    .where('code', '=', input.code)
    .where('year', '=', input.year);
  if (input.exceptId !== undefined) q = q.where('id', '!=', input.exceptId);
  return q.executeTakeFirst();
}

/** Loads competitions with their categories, groups, sections and stages (a few queries, not one per row). */
async function loadChildren(db: Db, competitions: CompetitionRow[], withSections: boolean) {
  if (!competitions.length) return [];
  const ids = competitions.map((c) => c.id);
  const [organizers, categories, groups, stages] = await Promise.all([
    db
      .selectFrom('institutions')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        competitions.map((c) => c.organizer_institution_id),
      )
      .execute(),
    db
      .selectFrom('categories')
      .selectAll()
      .where('competition_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('competition_groups')
      .selectAll()
      .where('competition_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('stages')
      .selectAll()
      .where('competition_id', 'in', ids)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const sections =
    withSections && groups.length
      ? await db
          .selectFrom('form_sections')
          .selectAll()
          .where(
            'group_id',
            'in',
            groups.map((g) => g.id),
          )
          .orderBy('position')
          .orderBy('id')
          .execute()
      : [];
  return competitions.map((competition): CompetitionFull => ({
    competition,
    organizer: organizers.find((o) => o.id === competition.organizer_institution_id) ?? {
      id: competition.organizer_institution_id,
      name: '',
    },
    categories: categories.filter((c) => c.competition_id === competition.id),
    groups: groups
      .filter((g) => g.competition_id === competition.id)
      .map((g) => ({ ...g, sections: sections.filter((s) => s.group_id === g.id) })),
    stages: stages.filter((s) => s.competition_id === competition.id),
  }));
}

/** One competition with its whole definition, or undefined. */
export async function loadCompetitionFull(db: Db, id: number): Promise<CompetitionFull | undefined> {
  const competition = await findCompetitionRow(db, id);
  if (!competition) return undefined;
  const [full] = await loadChildren(db, [competition], true);
  return full;
}

/**
 * Competitions the public sees (everything not a draft) plus the drafts of the given organizers
 * (`'all'` for someone who may see every draft), newest year first.
 */
export async function listCompetitions(
  db: Db,
  drafts: { all: boolean; organizerIds: number[] },
): Promise<CompetitionFull[]> {
  const rows = await db
    .selectFrom('competitions')
    .selectAll()
    .where((eb) => {
      const visible = [eb('status', '!=', 'draft')];
      if (drafts.all) visible.push(eb('status', '=', 'draft'));
      else if (drafts.organizerIds.length)
        visible.push(
          eb.and([eb('status', '=', 'draft'), eb('organizer_institution_id', 'in', drafts.organizerIds)]),
        );
      return eb.or(visible);
    })
    .orderBy('year', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return loadChildren(db, rows, false);
}

/** The competition's recorded amendments, oldest first. */
export async function listAmendments(db: Db, competitionId: number): Promise<AmendmentRow[]> {
  return db
    .selectFrom('amendments')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .orderBy('id')
    .execute();
}

/** How many proposals the competition holds in each state, and in how many institutions. */
export async function proposalStateCounts(
  db: Db,
  competitionId: number,
): Promise<{ byState: Map<string, number>; institutions: number }> {
  const [rows, inst] = await Promise.all([
    db
      .selectFrom('proposals')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('competition_id', '=', competitionId)
      .groupBy('state')
      .execute(),
    db
      .selectFrom('proposals')
      .select((eb) => eb.fn.count<number>('institution_id').distinct().as('n'))
      .where('competition_id', '=', competitionId)
      .executeTakeFirst(),
  ]);
  return {
    byState: new Map(rows.map((r) => [r.state, Number(r.n)])),
    institutions: Number(inst?.n ?? 0),
  };
}

/** Whether the competition holds any proposal (one indexed row read). */
export async function hasProposals(db: Db, competitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('proposals')
    .select('id')
    .where('competition_id', '=', competitionId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Institutions with at least one proposal in the competition (who is told of an amendment). */
export async function participantInstitutionIds(db: Db, competitionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('proposals')
    .select('institution_id')
    .distinct()
    .where('competition_id', '=', competitionId)
    .execute();
  return rows.map((r) => r.institution_id);
}

/** The submission's timed events still to run: reminders and whether the closing is pending. */
export async function pendingSubmissionJobs(
  db: Db,
  competitionId: number,
): Promise<{ reminders: number; closing: boolean }> {
  const rows = await db
    .selectFrom('jobs')
    .select(['unique_key'])
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('unique_key', '=', `closing:${competitionId}`),
        eb('unique_key', 'like', `reminder:${competitionId}:%`),
      ]),
    )
    .execute();
  return {
    reminders: rows.filter((r) => r.unique_key.startsWith('reminder:')).length,
    closing: rows.some((r) => r.unique_key.startsWith('closing:')),
  };
}
