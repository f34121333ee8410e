import type { Db } from '../../db/connect.js';

/*
 * What the finalist's and the panelist's presentation routes read beyond the schedule (queries.ts): the
 * letter's session and names, the uploaded presentation file, and whether a panelist sits in a session.
 */

export async function sessionById(db: Db, sessionId: number) {
  return db
    .selectFrom('presentation_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
}

/** The names a letter prints: the finalist's institution and unit, and the organizer. */
export async function letterNames(db: Db, proposalId: number, organizerInstitutionId: number) {
  const names = await db
    .selectFrom('proposals as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['i.name as institution', 'u.name as unit'])
    .where('p.id', '=', proposalId)
    .executeTakeFirstOrThrow();
  const organizer = await db
    .selectFrom('institutions')
    .select('name')
    .where('id', '=', organizerInstitutionId)
    .executeTakeFirstOrThrow();
  return { ...names, organizer: organizer.name };
}

/** The finalist's uploaded presentation file in the stage, if any. */
export async function uploadedFile(db: Db, stageId: number, proposalId: number) {
  return db
    .selectFrom('presentation_uploads as u')
    .innerJoin('files as f', 'f.id', 'u.file_id')
    .select(['f.storage_key', 'f.mime', 'f.size', 'f.original_name'])
    .where('u.stage_id', '=', stageId)
    .where('u.proposal_id', '=', proposalId)
    .executeTakeFirst();
}

/** Whether the user is one of the session's panelists (the session of that competition). */
export async function seatedIn(
  db: Db,
  input: { sessionId: number; competitionId: number; userId: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('presentation_session_panelists as sp')
    .innerJoin('presentation_sessions as s', 's.id', 'sp.session_id')
    .select('s.id')
    .where('sp.session_id', '=', input.sessionId)
    .where('s.competition_id', '=', input.competitionId)
    .where('sp.user_id', '=', input.userId)
    .executeTakeFirst();
  return !!row;
}

/** The panelist's active assignments of the stage with the state of their evaluation (none yet: null). */
export async function panelistAssignments(db: Db, stageId: number, userId: number) {
  return db
    .selectFrom('review_assignments as a')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select(['a.id', 'a.proposal_id', 'e.status as evaluation'])
    .where('a.stage_id', '=', stageId)
    .where('a.reviewer_id', '=', userId)
    .where('a.status', '=', 'active')
    .execute();
}

/** How many finalists each session of the stage hears, by session id. */
export async function finalistsPerSession(db: Db, stageId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('presentation_slots')
    .select(['session_id', db.fn.countAll<number | string>().as('n')])
    .where('stage_id', '=', stageId)
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}
