import type { Db } from '../../../db/connect.js';
import type { InvitationRow } from '../../../db/schema.js';
import { awardCaption } from '../../../domain/awards.js';
import { AppError, conflict, fieldError, notFound, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { notifyUser } from '../../../platform/notify.js';
import { findSubmissionStage, recipientsWithRole } from '../../proposals/queries.js';
import { findActiveDuplicate, findCompetitionWithGroups } from '../queries.js';

/**
 * Invites an institution (by the letter's number) into an invitation-only group of a published
 * competition, optionally for one award of the registry. In one transaction: the row, the audit row, and an
 * in-app notice and e-mail to every active admin lokal of the institution. Refuses a draft or archived
 * competition (409 `competition_not_published`), a group that is not invitation-only (422), an unknown
 * group, institution or award (400 on the field), and the same standing invitation twice (409
 * `invitation_exists`).
 */
export async function createInvitation(
  db: Db,
  input: {
    competitionId: number;
    groupKey: string;
    institutionId: number;
    awardId: number | null;
    letterNumber: string;
    actorUserId: number;
    ip: string | null;
    baseUrl: string;
    now: Date;
  },
): Promise<InvitationRow> {
  return db.transaction().execute(async (tx) => {
    const found = await findCompetitionWithGroups(tx, input.competitionId);
    if (!found) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
    const { competition, groups } = found;
    if (competition.status !== 'published')
      throw conflict(
        'competition_not_published',
        t(
          'Undangan hanya dapat dikirim pada kompetisi yang telah diterbitkan.',
          'Invitations can only be sent for a published competition.',
        ),
      );
    const group = groups.find((g) => g.key === input.groupKey);
    if (!group)
      throw fieldError(
        'groupKey',
        'unknown_group',
        t('Kelompok tidak ada pada kompetisi ini.', 'This competition has no such group.'),
      );
    if (group.invitation_only !== 1) {
      const text = t(
        `Kelompok ${group.name_id} terbuka untuk semua instansi; undangan hanya untuk kelompok "hanya dengan undangan".`,
        `The ${group.name_en} group is open to every institution; invitations are for invitation-only groups.`,
      );
      throw new AppError(422, 'group_not_invitation_only', text, {
        groupKey: { code: 'group_not_invitation_only', message: text },
      });
    }
    const institution = await tx
      .selectFrom('institutions')
      .select(['id', 'name'])
      .where('id', '=', input.institutionId)
      .executeTakeFirst();
    if (!institution)
      throw fieldError(
        'institutionId',
        'unknown_institution',
        t('Instansi tidak ditemukan.', 'Institution not found.'),
      );
    const award =
      input.awardId === null
        ? null
        : await tx
            .selectFrom('awards')
            .select(['id', 'year', 'level', 'innovation_title'])
            .where('id', '=', input.awardId)
            .executeTakeFirst();
    if (input.awardId !== null && !award)
      throw fieldError(
        'awardId',
        'unknown_award',
        t('Penghargaan tidak ditemukan di daftar.', 'The award is not in the registry.'),
      );
    if (
      await findActiveDuplicate(tx, {
        groupId: group.id,
        institutionId: institution.id,
        awardId: input.awardId,
      })
    )
      throw conflict(
        'invitation_exists',
        t(
          `${institution.name} sudah diundang ke kelompok ${group.name_id}${award ? ' untuk inovasi ini' : ''}.`,
          `${institution.name} is already invited to the ${group.name_en} group${award ? ' for this innovation' : ''}.`,
        ),
      );

    const now = input.now.toISOString();
    const letterNumber = input.letterNumber.trim();
    const row = await tx
      .insertInto('invitations')
      .values({
        competition_id: competition.id,
        group_id: group.id,
        institution_id: institution.id,
        award_id: award?.id ?? null,
        letter_number: letterNumber,
        invited_by: input.actorUserId,
        created_at: now,
        revoked_at: null,
        revoked_by: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: row.id,
      summary: {
        competitionId: competition.id,
        groupKey: group.key,
        institutionId: institution.id,
        awardId: row.award_id,
        letterNumber,
      },
      scope: {
        competitionId: competition.id,
        organizerInstitutionId: competition.organizer_institution_id,
        institutionId: institution.id,
      },
      ip: input.ip,
      now: input.now,
    });

    const stage = await findSubmissionStage(tx, competition.id);
    const link = `/kompetisi/${competition.id}`;
    const awardText = (locale: 'id' | 'en') =>
      award
        ? awardCaption(
            { innovationTitle: award.innovation_title, level: award.level, year: award.year },
            locale,
          )
        : '';
    for (const admin of await recipientsWithRole(tx, {
      role: 'local_admin',
      institutionId: institution.id,
    })) {
      await notifyUser(tx, {
        userId: admin.id,
        kind: 'invitation_received',
        title: t(
          `Undangan kelompok ${group.name_id}: ${competition.name}`,
          `Invitation to the ${group.name_en} group: ${competition.name}`,
        ),
        body: t(
          `${institution.name} diundang mengikuti kelompok ${group.name_id}${award ? ` untuk "${awardText('id')}"` : ''} (surat nomor ${letterNumber}).`,
          `${institution.name} is invited to the ${group.name_en} group${award ? ` for "${awardText('en')}"` : ''} (letter no. ${letterNumber}).`,
        ),
        link,
        now: input.now,
      });
      await enqueueMail(tx, {
        to: admin.email,
        toName: admin.name,
        template: 'group_invitation',
        locale: admin.locale,
        vars: {
          name: admin.name,
          institution: institution.name,
          competition: competition.name,
          group: admin.locale === 'id' ? group.name_id : group.name_en,
          award: awardText(admin.locale),
          letterNumber,
          closesAt: stage?.closes_at
            ? formatInstant(stage.closes_at, competition.time_zone, admin.locale)
            : '-',
          link: `${input.baseUrl}${link}`,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
          institutionId: institution.id,
        },
        now: input.now,
      });
    }
    return row;
  });
}
