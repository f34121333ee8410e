import type { Db } from '../../../db/connect.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { formatInstant } from '../../../domain/time.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { localAdminsOf, notifyUser } from '../../../platform/notify.js';
import { MY_CERTIFICATES_PATH } from '../notices.js';

/**
 * Revokes a certificate (irreversible): its verification address says "revoked" from then on, with the
 * date. The reason is kept, told to the admin lokal of the institution (mail and in-app notice) and
 * written in the audit row; a second revocation answers 409 `already_revoked`.
 */
export async function revokeCertificate(
  db: Db,
  input: {
    competition: CompetitionRow;
    certificateId: number;
    reason: string;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const at = input.now.toISOString();
    const changed = await tx
      .updateTable('certificates')
      .set({ revoked_at: at, revoked_by: input.actorUserId, revoked_reason: input.reason })
      .where('id', '=', input.certificateId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!changed)
      throw conflict(
        'already_revoked',
        t(
          'Piagam ini sudah dicabut. Muat ulang halaman.',
          'This certificate is already revoked. Reload the page.',
        ),
      );
    for (const person of await localAdminsOf(tx, [changed.institution_id])) {
      await enqueueMail(tx, {
        to: person.email,
        toName: person.name,
        template: 'certificate_revoked',
        locale: person.locale,
        vars: {
          name: person.name,
          competition: c.name,
          number: changed.number,
          title: changed.innovation_title,
          institution: changed.institution_name,
          revokedAt: formatInstant(at, c.time_zone, person.locale),
          reason: input.reason,
        },
        scope: {
          competitionId: c.id,
          organizerInstitutionId: c.organizer_institution_id,
          institutionId: changed.institution_id,
        },
        now: input.now,
      });
      await notifyUser(tx, {
        userId: person.id,
        kind: 'certificate_revoked',
        title: t(`Piagam ${changed.number} dicabut`, `Certificate ${changed.number} revoked`),
        body: t(`Alasan: ${input.reason}`, `Reason: ${input.reason}`),
        link: MY_CERTIFICATES_PATH,
        now: input.now,
      });
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'certificate.revoked',
      entityType: 'certificate',
      entityId: changed.id,
      summary: { number: changed.number, proposalId: changed.proposal_id, reason: input.reason },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return changed;
  });
}
