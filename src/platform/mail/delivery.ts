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
    const transporter = nodemailer.createTransport(opts.smtpUrl);
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

function message(row: OutboxRow, from: string) {
  return {
    from,
    to: row.to_name ? { name: row.to_name, address: row.to_address } : row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body ?? undefined,
    headers: { 'X-Sinovik-Outbox-Id': String(row.id), 'X-Sinovik-Template': row.template },
  };
}

const MAX_ATTEMPTS = 8;

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Delivers due outbox rows. Each row is claimed with a conditional update, so two workers never send
 * the same row; a failure is retried with backoff and marked failed after MAX_ATTEMPTS.
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
    .orderBy('id')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const claimed = await db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    try {
      const result = await transport.send(row, from);
      await db
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
      sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('outbox')
        .set({
          status: giveUp ? 'failed' : 'pending',
          last_error: err instanceof Error ? err.message.slice(0, 1000) : String(err).slice(0, 1000),
          next_attempt_at: new Date(clock.now().getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
