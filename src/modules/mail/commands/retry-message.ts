import type { Db } from '../../../db/connect.js';
import type { OutboxRow } from '../../../db/schema.js';
import { conflict, notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';

export interface RetryMessageInput {
  id: number;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

/**
 * Puts a failed message back in the queue, due now; attempts are kept, so one more failure fails it
 * again (one manual retry = one more attempt). Only failed rows: 404 unknown, 409 `outbox_not_failed`;
 * a message whose secret link expired (its real bodies swept) 409 `outbox_link_expired`.
 */
export async function retryMessage(tx: Db, input: RetryMessageInput): Promise<OutboxRow> {
  const row = await tx.selectFrom('outbox').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound(t('Pesan tidak ditemukan.', 'Message not found.'));
  if (row.has_secret && row.status === 'failed') {
    const secret = await tx
      .selectFrom('outbox_secrets')
      .select('outbox_id')
      .where('outbox_id', '=', row.id)
      .executeTakeFirst();
    if (!secret)
      throw conflict(
        'outbox_link_expired',
        t(
          'Tautan rahasia dalam pesan ini sudah kedaluwarsa dan dihapus; penerima perlu meminta tautan baru.',
          'The secret link in this message expired and was deleted; the recipient needs to ask for a new one.',
        ),
      );
  }
  const now = input.now.toISOString();
  // Conditional on the status read above, so a concurrent retry (or delivery) is not applied twice.
  const updated = await tx
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: now })
    .where('id', '=', row.id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    throw conflict(
      'outbox_not_failed',
      t(
        'Hanya pesan yang gagal terkirim yang dapat dikirim ulang.',
        'Only a message that failed can be retried.',
      ),
    );
  }
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: 'outbox.retried',
    entityType: 'outbox',
    entityId: row.id,
    summary: {
      to: row.to_address,
      subject: row.subject,
      template: row.template,
      attempts: row.attempts,
      lastError: row.last_error,
    },
    scope: {
      competitionId: row.competition_id,
      organizerInstitutionId: row.organizer_institution_id,
      institutionId: row.institution_id,
      referenceData: row.reference_data === 1,
    },
    ip: input.ip,
    now: input.now,
  });
  return updated;
}
