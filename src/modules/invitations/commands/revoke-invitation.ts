import type { Db } from '../../../db/connect.js';
import type { AwardLevel } from '../../../db/schema.js';
import { awardCaption } from '../../../domain/awards.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser, recipientsWithRole } from '../../../platform/notify.js';
import { listInvitations } from '../queries.js';

/**
 * Revokes an invitation of the competition: it stays on record with who revoked it and when; proposals
 * already started in the group are refused at send and forward by the group's rule. In one transaction:
 * the update, the audit row, and an in-app notice and e-mail to every active admin lokal of the
 * institution (saying whether another invitation into the group still stands). Refuses an invitation of
 * another competition (404) and one already revoked (409 `invitation_revoked`).
 */
export async function revokeInvitation(
  db: Db,
  input: {
    competitionId: number;
    invitationId: number;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const [row] = await listInvitations(tx, input.competitionId, input.invitationId);
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
    const competition = await tx
      .selectFrom('competitions')
      .select(['id', 'name', 'organizer_institution_id'])
      .where('id', '=', row.competition_id)
      .executeTakeFirstOrThrow();
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
      scope: {
        competitionId: competition.id,
        organizerInstitutionId: competition.organizer_institution_id,
        institutionId: row.institution_id,
      },
      ip: input.ip,
      now: input.now,
    });

    // Another standing invitation of the institution into the group (e.g. for another award) keeps it in.
    const stillInvited = !!(await tx
      .selectFrom('invitations')
      .select('id')
      .where('group_id', '=', row.group_id)
      .where('institution_id', '=', row.institution_id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst());
    const link = `/kompetisi/${competition.id}`;
    const awardText = (locale: 'id' | 'en') =>
      row.award_title !== null && row.award_level !== null && row.award_year !== null
        ? awardCaption(
            { innovationTitle: row.award_title, level: row.award_level as AwardLevel, year: row.award_year },
            locale,
          )
        : '';
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: row.institution_id,
    })) {
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'invitation_revoked',
        title: t(
          `Undangan kelompok ${row.group_name_id} dicabut: ${competition.name}`,
          `Invitation to the ${row.group_name_en} group revoked: ${competition.name}`,
        ),
        body: t(
          `Undangan bagi ${row.institution_name} pada kelompok ${row.group_name_id}${awardText('id') ? ` untuk "${awardText('id')}"` : ''} (surat nomor ${row.letter_number}) dicabut.`,
          `The invitation of ${row.institution_name} to the ${row.group_name_en} group${awardText('en') ? ` for "${awardText('en')}"` : ''} (letter no. ${row.letter_number}) has been revoked.`,
        ),
        link,
        now: input.now,
      });
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'group_invitation_revoked',
        locale: admin.locale,
        vars: {
          name: admin.name,
          institution: row.institution_name,
          competition: competition.name,
          group: admin.locale === 'id' ? row.group_name_id : row.group_name_en,
          award: awardText(admin.locale),
          letterNumber: row.letter_number,
          stillInvited: stillInvited ? 1 : 0,
          link: `${input.baseUrl}${link}`,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
          institutionId: row.institution_id,
        },
        now: input.now,
      });
    }
  });
}
