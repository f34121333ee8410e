import type { NotificationRow, OutboxRow } from '../../db/schema.js';
import type { NotificationItem, OutboxItem, OutboxMessage } from '../../contracts/mail.js';

/** One outbox row for the list; `canRetry` is the caller's ability, the row's status narrows it. */
export function presentOutboxItem(row: OutboxRow, canRetry: boolean): OutboxItem {
  const waiting = row.status === 'pending' || row.status === 'sending';
  return {
    id: row.id,
    toAddress: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    template: row.template,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: waiting ? row.next_attempt_at : null,
    abilities: { retry: canRetry && row.status === 'failed' },
  };
}

/** The whole message, bodies included, for the Outbox page's preview. */
export function presentOutboxMessage(
  row: OutboxRow,
  canRetry: boolean,
  emlAvailable: boolean,
): OutboxMessage {
  return {
    ...presentOutboxItem(row, canRetry),
    messageId: row.message_id,
    textBody: row.text_body,
    htmlBody: row.html_body,
    emlAvailable,
  };
}

export function presentNotification(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    title: { id: row.title_id, en: row.title_en },
    body: { id: row.body_id, en: row.body_en },
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
