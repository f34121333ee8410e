import type { Db } from '../../../db/connect.js';
import type { AdminRequestRow } from '../../../db/schema.js';
import { notFound } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { enqueueMail } from '../../../platform/mail/outbox.js';
import { findInstitutionName } from '../queries.js';
import { alreadyDecided } from './approve-request.js';

/**
 * Rejects a still-pending request with its reason (409 `request_already_decided` otherwise), mails the
 * reason to the applicant and writes the audit row, in one transaction.
 */
export async function rejectAdminRequest(
  db: Db,
  input: { id: number; reason: string; actorUserId: number; ip: string | null; now: Date },
): Promise<AdminRequestRow> {
  const now = input.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const decided = await tx
      .updateTable('admin_requests')
      .set({ status: 'rejected', reason: input.reason, decided_by: input.actorUserId, decided_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!decided) {
      const exists = await tx
        .selectFrom('admin_requests')
        .select('id')
        .where('id', '=', input.id)
        .executeTakeFirst();
      throw exists ? alreadyDecided() : notFound();
    }
    await enqueueMail(tx, {
      to: decided.email,
      toName: decided.name,
      template: 'admin_request_rejected',
      locale: decided.locale,
      vars: {
        name: decided.name,
        institution: (await findInstitutionName(tx, decided.institution_id)) ?? '',
        reason: input.reason,
      },
      scope: { institutionId: decided.institution_id, referenceData: true },
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'admin_request.rejected',
      entityType: 'admin_request',
      entityId: decided.id,
      summary: { before: { status: 'pending' }, after: { status: 'rejected' }, reason: input.reason },
      scope: { institutionId: decided.institution_id, referenceData: true },
      ip: input.ip,
      now: input.now,
    });
    return decided;
  });
}
