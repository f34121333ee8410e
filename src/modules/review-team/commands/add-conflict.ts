import { withdrawInTransaction } from '../../assignments/commands/withdraw-assignment.js';
import type { Db } from '../../../db/connect.js';
import type { ConflictSource, ReviewTeam } from '../../../db/schema.js';
import { conflict, fieldError, notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import type { TeamCompetition } from '../queries.js';
import { hasActiveAssignments, teamRecordScope, type TeamActor } from '../steps.js';

export interface AddConflictInput {
  competition: TeamCompetition;
  team: ReviewTeam;
  userId: number;
  institutionId: number;
  note: string | null;
  /** organizer: the secretariat sets it; reviewer: the reviewer declares it. */
  by: 'organizer' | 'reviewer';
  actor: TeamActor;
  ip: string | null;
  /** For the mails of a withdrawal and its replacement. */
  baseUrl: string;
  now: Date;
}

export const unknownInstitution = (field: string) =>
  fieldError(
    field,
    'unknown_institution',
    t('Instansi tidak ditemukan di daftar instansi.', 'Institution not found in the registry.'),
  );

/**
 * Records one institution a reviewer may not judge. The secretariat's row is an `organizer` conflict; the
 * reviewer's is `declared`, or `found` once they hold assignments in the competition: that row is the
 * marker of a conflict found after the assignment: each active assignment it touches is withdrawn and a
 * replacement assigned in the same transaction (assignments' `withdrawInTransaction`), and the audit row
 * lists them. Refuses an unknown institution (400, field
 * `institutionId`) and a pair already recorded (409 `conflict_exists`).
 */
export async function addConflict(
  db: Db,
  input: AddConflictInput,
): Promise<{ id: number; source: ConflictSource; affectedAssignments: number[] }> {
  const { competition: c } = input;
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('reviewer_profiles')
      .select('id')
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .where('team', '=', input.team)
      .executeTakeFirst();
    if (!member) throw notFound(t('Anggota tim tidak ditemukan.', 'Team member not found.'));
    const institution = await tx
      .selectFrom('institutions')
      .select(['id', 'name'])
      .where('id', '=', input.institutionId)
      .executeTakeFirst();
    if (!institution) throw unknownInstitution('institutionId');
    const existing = await tx
      .selectFrom('reviewer_conflicts')
      .select('source')
      .where('competition_id', '=', c.id)
      .where('user_id', '=', input.userId)
      .where('institution_id', '=', institution.id)
      .executeTakeFirst();
    if (existing) {
      const text = t(
        `Konflik dengan ${institution.name} sudah tercatat.`,
        `A conflict with ${institution.name} is already recorded.`,
      );
      throw conflict('conflict_exists', text, { institutionId: { code: 'conflict_exists', message: text } });
    }
    const assigned = await hasActiveAssignments(tx, c.id, input.userId);
    const source: ConflictSource = input.by === 'organizer' ? 'organizer' : assigned ? 'found' : 'declared';
    const row = await tx
      .insertInto('reviewer_conflicts')
      .values({
        competition_id: c.id,
        user_id: input.userId,
        institution_id: institution.id,
        source,
        note: input.note,
        created_by: input.actor.userId,
        created_at: input.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const affected = assigned
      ? await tx
          .selectFrom('review_assignments as a')
          .innerJoin('stages as s', 's.id', 'a.stage_id')
          .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
          .select(['a.id', 'a.stage_id'])
          .where('s.competition_id', '=', c.id)
          .where('a.reviewer_id', '=', input.userId)
          .where('a.status', '=', 'active')
          .where('p.institution_id', '=', institution.id)
          .orderBy('a.id')
          .execute()
      : [];
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: source === 'found' ? 'review_team.conflict_found' : 'review_team.conflict_added',
      entityType: 'user',
      entityId: input.userId,
      summary: {
        competitionId: c.id,
        team: input.team,
        institution: { id: institution.id, name: institution.name },
        source,
        note: input.note,
        affectedAssignments: affected.map((a) => a.id),
      },
      scope: teamRecordScope(c),
      ip: input.ip,
      now: input.now,
    });
    // A conflict found after the assignment withdraws what it touches and assigns a replacement, here.
    for (const a of affected)
      await withdrawInTransaction(tx, {
        competitionId: c.id,
        stageId: a.stage_id,
        assignmentId: a.id,
        reason:
          input.note?.trim() ||
          `Konflik kepentingan dengan ${institution.name} / Conflict of interest with ${institution.name}`,
        conflict: true,
        actorUserId: input.actor.userId,
        ip: input.ip,
        baseUrl: input.baseUrl,
        now: input.now,
      });
    return { id: row.id, source, affectedAssignments: affected.map((a) => a.id) };
  });
}
