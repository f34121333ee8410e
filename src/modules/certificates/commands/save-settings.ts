import type { Db } from '../../../db/connect.js';
import type { CertificateSettingsBody } from '../../../contracts/certificates.js';
import type { CompetitionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import { settingsOf } from '../queries.js';

/**
 * Saves what the competition's certificates say (the number's prefix, the signer's name and position).
 * Certificates already issued keep what they were issued with (their paper and code stay true); the next
 * number keeps counting, so a changed prefix never repeats a number.
 */
export async function saveCertificateSettings(
  db: Db,
  input: {
    competition: CompetitionRow;
    body: CertificateSettingsBody;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
) {
  const c = input.competition;
  return db.transaction().execute(async (tx) => {
    const before = await settingsOf(tx, c, input.now, { lock: true });
    await tx
      .updateTable('certificate_settings')
      .set({
        number_prefix: input.body.numberPrefix,
        signer_name: input.body.signerName,
        signer_position: input.body.signerPosition,
        updated_by: input.actorUserId,
        updated_at: input.now.toISOString(),
      })
      .where('competition_id', '=', c.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'certificates.settings_saved',
      entityType: 'competition',
      entityId: c.id,
      summary: {
        before: {
          numberPrefix: before.number_prefix,
          signerName: before.signer_name,
          signerPosition: before.signer_position,
        },
        after: input.body,
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
    return settingsOf(tx, c, input.now);
  });
}
