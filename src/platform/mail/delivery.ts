import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/connect.js';
import type { Clock } from '../clock.js';
import type { OutboxRow } from '../../db/schema.js';

export interface MailTransport {
  kind: 'smtp' | 'file';
  /** Sends one message; returns the Message-ID and, for the file transport, the .eml path. */
  send(row: OutboxRow, from: string): Promise<{ messageId: string; emlPath: string | null }>;
  close(): void;
}

/** SMTP when SMTP_URL is set; otherwise real RFC 822 .eml files under DATA_DIR/mail. */
export function createMailTransport(opts: { smtpUrl: string | null; dataDir: string }): MailTransport {
  if (opts.smtpUrl) {
    // Bounded waits: a relay that hangs must not stall the worker for nodemailer's default 10 minutes.
    const transporter = nodemailer.createTransport({
      url: opts.smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return {
      kind: 'smtp',
      async send(row, from) {
        const info = await transporter.sendMail(message(row, from));
        return { messageId: info.messageId, emlPath: null };
      },
      close: () => transporter.close(),
    };
  }
  const dir = path.join(opts.dataDir, 'mail');
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(row, from) {
      const info = await builder.sendMail(message(row, from));
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${String(row.id).padStart(6, '0')}-${row.template}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, emlPath: file };
    },
    close: () => builder.close(),
  };
}

/**
 * The same Message-ID on every attempt of one outbox row, so that a message sent again after a crash
 * between "sent" and "recorded" can be recognised as a duplicate by the receiving side.
 */
export function outboxMessageId(row: Pick<OutboxRow, 'id' | 'created_at'>, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'sinovik.local';
  const stamp = row.created_at.replace(/[^0-9]/g, '');
  return `<outbox.${row.id}.${stamp}@${domain}>`;
}

function message(row: OutboxRow, from: string) {
  return {
    from,
    to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body ?? undefined,
    messageId: outboxMessageId(row, from),
    headers: { 'X-Sinovik-Outbox-Id': String(row.id), 'X-Sinovik-Template': row.template },
  };
}

/** Attempts before a message is given up as failed (the secretariat can still retry it by hand). */
export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * A 5xx answer to the recipient or the message itself will not change on a later attempt; connection,
 * authentication and 4xx problems may (the relay comes back, the configuration is fixed).
 */
export function isPermanentRejection(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { permanent?: unknown; code?: unknown };
  return e.permanent === true && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

export const SECRET_GONE =
  'Tautan rahasia sudah kedaluwarsa dan dihapus; minta tautan baru. / The secret link expired and was deleted; ask for a new one.';

/**
 * The row as it is sent: with the real bodies when it carries a secret link (null when they are gone).
 * The outbox row keeps only the redacted copy.
 */
async function withSecret(db: Db, row: OutboxRow): Promise<OutboxRow | null> {
  if (!row.has_secret) return row;
  const secret = await db
    .selectFrom('outbox_secrets')
    .select(['text_body', 'html_body'])
    .where('outbox_id', '=', row.id)
    .executeTakeFirst();
  return secret ? { ...row, text_body: secret.text_body, html_body: secret.html_body } : null;
}

/**
 * Deletes the bodies of secret links that expired and will not be sent any more (the message failed
 * for good, or was sent and the delete after sending was missed). A pending message keeps its link: an
 * expired link delivered is harmless, and the recipient is told to ask for a new one.
 */
export async function sweepExpiredSecrets(db: Db, now: Date): Promise<number> {
  const res = await db
    .deleteFrom('outbox_secrets')
    .where('expires_at', '<=', now.toISOString())
    .where('outbox_id', 'in', (eb) =>
      eb.selectFrom('outbox').select('id').where('status', 'in', ['failed', 'sent']),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Delivers due outbox rows. Each row is claimed with a conditional update, so two workers never send
 * the same row; a failure is retried with backoff and marked failed after MAX_ATTEMPTS (at once when
 * the relay rejects it permanently).
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  clock: Clock,
  from: string,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const now = clock.now().toISOString();
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    // next_attempt_at becomes the claim time while 'sending': the worker's stale-claim recovery
    // measures from it, so a row that waited long in the queue is not mistaken for an abandoned one.
    const claimedAt = clock.now().toISOString();
    const claimed = await db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: row.attempts + 1, next_attempt_at: claimedAt })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', row.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = row.attempts + 1;
    try {
      const message = await withSecret(db, row);
      if (!message) {
        // The link's bodies were swept after it expired: never send the redacted copy in its place.
        await db
          .updateTable('outbox')
          .set({ status: 'failed', last_error: SECRET_GONE })
          .where('id', '=', row.id)
          .execute();
        failed++;
        continue;
      }
      const result = await transport.send(message, from);
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('outbox')
          .set({
            status: 'sent',
            sent_at: clock.now().toISOString(),
            message_id: result.messageId,
            eml_path: result.emlPath,
            last_error: null,
          })
          .where('id', '=', row.id)
          .execute();
        await tx.deleteFrom('outbox_secrets').where('outbox_id', '=', row.id).execute();
      });
      sent++;
    } catch (err) {
      const giveUp = attempts >= MAX_ATTEMPTS || isPermanentRejection(err);
      await db
        .updateTable('outbox')
        .set({
          status: giveUp ? 'failed' : 'pending',
          last_error: errorText(err),
          next_attempt_at: new Date(clock.now().getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
