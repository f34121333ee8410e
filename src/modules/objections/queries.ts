import type { Db } from '../../db/connect.js';
import type { ObjectionStatusValue } from '../../db/schema.js';
import { emptyCounts, type ObjectionCounts, type ObjectionWindow } from '../../domain/objections.js';

/** The announcement kind whose publication opens the uji publik (the announcements engine writes it). */
export const PROVISIONAL_KIND = 'finalists_provisional';

export interface UjiPublik {
  competition: {
    id: number;
    name: string;
    year: number;
    timeZone: string;
    organizerInstitutionId: number;
    status: string;
  };
  /** The `public_objection` stage (null: the competition has none). */
  stage: { id: number } & ObjectionWindow;
  /** The provisional finalists' list has been published. */
  published: boolean;
}

/** A competition's uji publik: its public_objection stage and whether the provisional list is out. */
export async function findUjiPublik(db: Db, competitionId: number): Promise<UjiPublik | null> {
  const c = await db
    .selectFrom('competitions')
    .select(['id', 'name', 'year', 'time_zone', 'organizer_institution_id', 'status'])
    .where('id', '=', competitionId)
    .executeTakeFirst();
  if (!c) return null;
  const stage = await db
    .selectFrom('stages')
    .select(['id', 'opens_at', 'closes_at'])
    .where('competition_id', '=', competitionId)
    .where('kind', '=', 'public_objection')
    .orderBy('position')
    .executeTakeFirst();
  if (!stage) return null;
  const announced = await db
    .selectFrom('announcements')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('kind', '=', PROVISIONAL_KIND)
    .executeTakeFirst();
  return {
    competition: {
      id: c.id,
      name: c.name,
      year: c.year,
      timeZone: c.time_zone,
      organizerInstitutionId: c.organizer_institution_id,
      status: c.status,
    },
    stage: { id: stage.id, opensAt: stage.opens_at, closesAt: stage.closes_at },
    published: announced !== undefined,
  };
}

export interface FinalistLine {
  proposalId: number;
  code: string;
  title: string;
  institution: string;
  institutionId: number;
}

/**
 * The finalists as they stand: the competition's proposals in state `finalist` (the provisional list,
 * less those an upheld objection removed), by code.
 */
export async function listFinalists(db: Db, competitionId: number): Promise<FinalistLine[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['p.id', 'p.code', 'p.title', 'i.name as institution', 'i.id as institutionId'])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', '=', 'finalist')
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    proposalId: r.id,
    code: r.code,
    title: r.title,
    institution: r.institution,
    institutionId: r.institutionId,
  }));
}

/** One finalist of the competition, or undefined when the proposal is not (or no longer) one. */
export async function findFinalist(
  db: Db,
  competitionId: number,
  proposalId: number,
): Promise<FinalistLine | undefined> {
  const r = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select(['p.id', 'p.code', 'p.title', 'i.name as institution', 'i.id as institutionId'])
    .where('p.competition_id', '=', competitionId)
    .where('p.id', '=', proposalId)
    .where('p.state', '=', 'finalist')
    .executeTakeFirst();
  return r
    ? {
        proposalId: r.id,
        code: r.code,
        title: r.title,
        institution: r.institution,
        institutionId: r.institutionId,
      }
    : undefined;
}

/** An objection with what its pages show: the finalist, the evidence file, who triaged and decided. */
export function objectionViewQuery(db: Db) {
  return db
    .selectFrom('objections as o')
    .innerJoin('proposals as p', 'p.id', 'o.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competitions as c', 'c.id', 'o.competition_id')
    .leftJoin('files as f', 'f.id', 'o.evidence_file_id')
    .leftJoin('users as tu', 'tu.id', 'o.triaged_by')
    .leftJoin('users as du', 'du.id', 'o.decided_by')
    .selectAll('o')
    .select([
      'c.year as competition_year',
      'c.name as competition_name',
      'c.organizer_institution_id',
      'p.code as proposal_code',
      'p.title as proposal_title',
      'p.state as proposal_state',
      'p.institution_id as proposal_institution_id',
      'p.unit_id as proposal_unit_id',
      'i.name as institution_name',
      'f.original_name as file_name',
      'f.size as file_size',
      'f.mime as file_mime',
      'tu.name as triaged_by_name',
      'du.name as decided_by_name',
    ]);
}
export type ObjectionView = NonNullable<
  Awaited<ReturnType<ReturnType<typeof objectionViewQuery>['executeTakeFirst']>>
>;

export async function findObjectionView(db: Db, id: number): Promise<ObjectionView | undefined> {
  return objectionViewQuery(db).where('o.id', '=', id).executeTakeFirst();
}

/** A competition's objections, oldest first, by status (or decided = upheld and rejected) and finalist. */
export async function listObjectionViews(
  db: Db,
  input: {
    competitionId: number;
    statuses?: readonly ObjectionStatusValue[];
    proposalId?: number;
  },
): Promise<ObjectionView[]> {
  return objectionViewQuery(db)
    .where('o.competition_id', '=', input.competitionId)
    .$if(input.statuses !== undefined, (qb) => qb.where('o.status', 'in', [...input.statuses!]))
    .$if(input.proposalId !== undefined, (qb) => qb.where('o.proposal_id', '=', input.proposalId!))
    .orderBy('o.id')
    .execute();
}

/** How many objections of the competition are in each status. */
export async function countObjections(db: Db, competitionId: number): Promise<ObjectionCounts> {
  const rows = await db
    .selectFrom('objections')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('competition_id', '=', competitionId)
    .groupBy('status')
    .execute();
  const counts = emptyCounts();
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The proposal's form as the panel reads it: each section's label and answer, in form order. */
export async function proposalSections(db: Db, proposalId: number) {
  return db
    .selectFrom('proposal_answers as a')
    .innerJoin('form_sections as s', 's.id', 'a.section_id')
    .select(['s.label_id', 's.label_en', 'a.text'])
    .where('a.proposal_id', '=', proposalId)
    .orderBy('s.position')
    .execute();
}

export async function findUnitName(db: Db, unitId: number): Promise<string> {
  const u = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  return u?.name ?? '';
}

export async function findEvidenceFile(db: Db, objectionId: number) {
  return db
    .selectFrom('objections as o')
    .innerJoin('files as f', 'f.id', 'o.evidence_file_id')
    .select(['f.storage_key', 'f.size', 'f.mime', 'f.original_name'])
    .where('o.id', '=', objectionId)
    .executeTakeFirst();
}
