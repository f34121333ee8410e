import { dialectOf, type Db } from '../../db/connect.js';
import type { AnnouncementRow, StageRow } from '../../db/schema.js';
import type { CheckLine } from '../../domain/publication.js';
import type { AnnouncementEntry } from '../../contracts/announcements.js';

/*
 * What the publication reads. It reads the administrative check's TABLE (admin_checks, completion_requests)
 * directly, never the admin-check module's code (module boundaries, .dependency-cruiser.cjs).
 */

/** The competition's stage of a kind (e.g. 'administrative'); `lock` serializes publishers on PostgreSQL. */
export async function findStage(
  db: Db,
  competitionId: number,
  kind: string,
  lock = false,
): Promise<StageRow | undefined> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', kind)
    .$if(lock && dialectOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function findAnnouncement(
  db: Db,
  stageId: number,
  kind: string,
): Promise<AnnouncementRow | undefined> {
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('stage_id', '=', stageId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** A received proposal with its staged administrative outcome, for the readiness and the notices. */
export interface AdminLine extends CheckLine {
  title: string;
  institutionId: number;
  institution: string;
  unitId: number;
  unit: string;
  group: { id: string; en: string };
  reasonCode: string | null;
  reasonText: string | null;
}

/** Every proposal of the competition still in the administrative stage (received or incomplete), by code. */
export async function adminLines(db: Db, competitionId: number): Promise<AdminLine[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .leftJoin('admin_checks as ac', 'ac.proposal_id', 'p.id')
    .select((eb) => [
      'p.id',
      'p.code',
      'p.title',
      'p.state',
      'p.institution_id',
      'p.unit_id',
      'i.name as institution',
      'u.name as unit',
      'g.name_id as group_id_label',
      'g.name_en as group_en_label',
      'ac.outcome',
      'ac.published_at',
      'ac.reason_code',
      'ac.reason_text',
      eb
        .selectFrom('completion_requests as cr')
        .select((e) => e.fn.max('cr.deadline_at').as('d'))
        .whereRef('cr.proposal_id', '=', 'p.id')
        .where('cr.completed_at', 'is', null)
        .as('deadline'),
    ])
    .where('p.competition_id', '=', competitionId)
    .where('p.state', 'in', ['received', 'incomplete'])
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    proposalId: r.id,
    code: r.code,
    title: r.title,
    state: r.state,
    outcome: r.outcome,
    publishedAt: r.published_at,
    completionDeadline: r.deadline ?? null,
    institutionId: r.institution_id,
    institution: r.institution,
    unitId: r.unit_id,
    unit: r.unit,
    group: { id: r.group_id_label, en: r.group_en_label },
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
  }));
}

/** The public line of a proposal in a published list. */
export const entryOf = (l: AdminLine): AnnouncementEntry => ({
  code: l.code,
  title: l.title,
  institution: l.institution,
  group: l.group,
});

/** The published announcements of a competition (public), newest first. */
export async function publishedAnnouncements(db: Db, competitionId: number): Promise<AnnouncementRow[]> {
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .orderBy('published_at', 'desc')
    .execute();
}

export async function announcementOfKind(
  db: Db,
  competitionId: number,
  kind: string,
): Promise<AnnouncementRow | undefined> {
  return db
    .selectFrom('announcements')
    .selectAll()
    .where('competition_id', '=', competitionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}
