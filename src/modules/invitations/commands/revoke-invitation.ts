import type { Db } from '../../../db/connect.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';

/**
 * Revokes an invitation of the competition: it stays on record with who revoked it and when; proposals
 * already started in the group are refused at send and forward by the group's rule. Audited. Refuses an
 * invitation of another competition (404) and one already revoked (409 `invitation_revoked`).
 */
export async function revokeInvitation(
  db: Db,
  input: { competitionId: number; invitationId: number; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', input.invitationId)
      .where('competition_id', '=', input.competitionId)
      .executeTakeFirst();
    if (!row) throw notFound(t('Undangan tidak ditemukan.', 'Invitation not found.'));
    const now = input.now.toISOString();
    const res = await tx
      .updateTable('invitations')
      .set({ revoked_at: now, revoked_by: input.actorUserId })
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict(
        'invitation_revoked',
        t('Undangan ini sudah dicabut.', 'This invitation has already been revoked.'),
      );
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: row.id,
      summary: {
        competitionId: row.competition_id,
        groupId: row.group_id,
        institutionId: row.institution_id,
        awardId: row.award_id,
        letterNumber: row.letter_number,
        before: { revokedAt: null },
        after: { revokedAt: now },
      },
      ip: input.ip,
      now: input.now,
    });
  });
}
