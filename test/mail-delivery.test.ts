import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/connect.js';
import { backoffMs, createMailTransport, MAX_ATTEMPTS } from '../src/platform/mail/delivery.js';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import { runWorkerOnce, STALE_SENDING_MS } from '../src/platform/worker.js';
import { appWithSmtpCapture, createTestApp, type TestContext } from './helpers/app.js';
import { startSmtpCapture } from './helpers/smtp.js';

const RESET_LINK = 'https://sinovik.test/atur-ulang?token=abc123';

/** Queues one password-reset mail in its own committed transaction; returns the outbox id. */
async function queueReset(db: Db, to: string, now: Date, locale: 'id' | 'en' = 'en'): Promise<number> {
  return db.transaction().execute((tx) =>
    enqueueMail(tx, {
      to,
      toName: 'Siti Rahayu',
      template: 'password_reset',
      locale,
      vars: { name: 'Siti Rahayu', link: RESET_LINK, expires: '12 Mei 2026 16.00 WIB' },
      now,
    }),
  );
}

const outboxRow = (db: Db, id: number) =>
  db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A port on 127.0.0.1 that was just free and on which nothing listens now. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const quietLog = { info() {}, error() {} };

describe('mail delivery over SMTP', () => {
  const suite = appWithSmtpCapture();

  it('delivers a queued password-reset mail with its recipient, subject and link, and records it as sent', async () => {
    const id = await queueReset(suite.ctx.db, 'siti.rahayu@bandung.go.id', suite.ctx.clock.now());
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 1, failed: 0 });

    const mail = await suite.smtp.waitFor((m) => m.to.includes('siti.rahayu@bandung.go.id'));
    expect(mail.subject).toBe('Reset your Sinovik password');
    expect(mail.text).toContain(RESET_LINK);
    expect(mail.html).toContain(RESET_LINK);
    expect(mail.parsed.headers.get('x-sinovik-outbox-id')).toBe(String(id));

    const row = await outboxRow(suite.ctx.db, id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeNull();
    expect(row.message_id).toBe(mail.parsed.messageId);
    expect(row.message_id).toMatch(new RegExp(`^<outbox\\.${id}\\.\\d+@`));
    expect(row.sent_at).not.toBeNull();
  });

  it('writes the mail in Bahasa Indonesia when the recipient reads Indonesian', async () => {
    await queueReset(suite.ctx.db, 'budi@jatim.go.id', suite.ctx.clock.now(), 'id');
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor((m) => m.to.includes('budi@jatim.go.id'));
    expect(mail.subject).toBe('Atur ulang kata sandi Sinovik');
    expect(mail.text).toContain('Yth. Siti Rahayu,');
    expect(mail.text).toContain(RESET_LINK);
  });

  it('sends a delivered message only once, even when two workers run at the same time', async () => {
    const id = await queueReset(suite.ctx.db, 'sekali@kemenpan.go.id', suite.ctx.clock.now());
    const other = createMailTransport({ smtpUrl: suite.smtp.url, dataDir: suite.ctx.dataDir });
    const results = await Promise.all([
      suite.ctx.deliverMail(),
      runWorkerOnce({
        db: suite.ctx.db,
        clock: suite.ctx.clock,
        transport: other,
        mailFrom: suite.ctx.config.mailFrom,
        log: quietLog,
      }),
    ]);
    other.close();
    expect(results[0].sent + results[1].sent).toBe(1);
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
    await suite.smtp.waitFor((m) => m.to.includes('sekali@kemenpan.go.id'));
    await new Promise((r) => setTimeout(r, 200));
    expect(suite.smtp.messages.filter((m) => m.to.includes('sekali@kemenpan.go.id'))).toHaveLength(1);
    expect((await outboxRow(suite.ctx.db, id)).status).toBe('sent');
  });

  it('leaves a message that is being sent alone, and takes back one whose worker died after 10 minutes', async () => {
    const id = await queueReset(suite.ctx.db, 'macet@kemenpan.go.id', suite.ctx.clock.now());
    // A worker claimed it just now and is still busy (or has died): it is not due for anyone else yet.
    await suite.ctx.db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: 1, next_attempt_at: suite.ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
    suite.ctx.clock.advance(STALE_SENDING_MS + 1000);
    expect(await suite.ctx.deliverMail()).toEqual({ sent: 1, failed: 0 });
    const row = await outboxRow(suite.ctx.db, id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
  });
});

describe('mail delivery when the SMTP relay is down', () => {
  let ctx: TestContext;
  let port: number;
  beforeAll(async () => {
    port = await closedPort();
    ctx = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => ctx.close());
  afterEach(() => ctx.clock.reset());

  it('keeps the message pending with the error and a backoff, then delivers it once when the relay is back', async () => {
    ctx.clock.freeze(new Date('2026-05-11T03:00:00.000Z'));
    const id = await queueReset(ctx.db, 'tertunda@sulsel.go.id', ctx.clock.now());

    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 1 });
    let row = await outboxRow(ctx.db, id);
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/ECONNREFUSED/);
    expect(row.next_attempt_at).toBe('2026-05-11T03:00:30.000Z');
    expect(row.sent_at).toBeNull();

    // Not due yet: nothing is attempted before the backoff has passed.
    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect((await outboxRow(ctx.db, id)).attempts).toBe(1);

    // The relay comes back (a worker configured with it), but the clock has not moved: still waiting.
    const smtp = await startSmtpCapture();
    const relay = createMailTransport({ smtpUrl: smtp.url, dataDir: ctx.dataDir });
    const workerUp = () =>
      runWorkerOnce({
        db: ctx.db,
        clock: ctx.clock,
        transport: relay,
        mailFrom: ctx.config.mailFrom,
        log: quietLog,
      });
    try {
      expect(await workerUp()).toEqual({ sent: 0, failed: 0 });
      ctx.clock.advance(31_000);
      expect(await workerUp()).toEqual({ sent: 1, failed: 0 });
      const mail = await smtp.waitFor((m) => m.to.includes('tertunda@sulsel.go.id'));
      expect(mail.text).toContain(RESET_LINK);

      row = await outboxRow(ctx.db, id);
      expect(row.status).toBe('sent');
      expect(row.attempts).toBe(2);
      expect(row.last_error).toBeNull();
      expect(row.message_id).toBe(mail.parsed.messageId);

      // Never twice: later passes of either worker find nothing to send.
      ctx.clock.advance(3_600_000);
      expect(await workerUp()).toEqual({ sent: 0, failed: 0 });
      expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      relay.close();
      await smtp.close();
    }
  });

  it(`marks a message failed after ${MAX_ATTEMPTS} failed attempts, with backoff growing between them`, async () => {
    ctx.clock.freeze(new Date('2026-05-12T03:00:00.000Z'));
    const id = await queueReset(ctx.db, 'gagal@papua.go.id', ctx.clock.now());
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 1 });
      const row = await outboxRow(ctx.db, id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt });
      expect(new Date(row.next_attempt_at).getTime() - ctx.clock.now().getTime()).toBe(backoffMs(attempt));
      ctx.clock.advance(backoffMs(attempt));
    }
    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 1 });
    const row = await outboxRow(ctx.db, id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.last_error).toMatch(/ECONNREFUSED/);

    // A failed message stays failed: the worker does not try it again on its own.
    ctx.clock.advance(24 * 3_600_000);
    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
    expect((await outboxRow(ctx.db, id)).attempts).toBe(MAX_ATTEMPTS);
  });

  it('backs off 30 s, 1 min, 2 min … up to one hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map(backoffMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe('mail delivery when the relay rejects the recipient', () => {
  let ctx: TestContext;
  let server: SMTPServer;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const err = new Error('5.1.1 Mailbox does not exist') as Error & { responseCode: number };
        err.responseCode = 550;
        callback(err);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as net.AddressInfo).port;
    ctx = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await ctx.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails the message at once on a permanent (5xx) rejection instead of retrying it', async () => {
    const id = await queueReset(ctx.db, 'tidak.ada@bandung.go.id', ctx.clock.now());
    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 1 });
    const row = await outboxRow(ctx.db, id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550/);
  });
});

describe('mail delivery without SMTP (file transport)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  it('writes a real .eml file under DATA_DIR/mail with the subject and the link', async () => {
    const id = await queueReset(ctx.db, 'arsip@ntb.go.id', ctx.clock.now());
    expect(await ctx.deliverMail()).toEqual({ sent: 1, failed: 0 });
    const row = await outboxRow(ctx.db, id);
    expect(row.status).toBe('sent');
    expect(row.eml_path).toBe(
      path.join(ctx.dataDir, 'mail', `${String(id).padStart(6, '0')}-password_reset.eml`),
    );
    const raw = fs.readFileSync(row.eml_path!, 'utf8');
    expect(raw).toContain('Subject: Reset your Sinovik password');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Reset your Sinovik password');
    expect(parsed.text).toContain(RESET_LINK);
    expect(parsed.messageId).toBe(row.message_id);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]).toEqual({ address: 'arsip@ntb.go.id', name: 'Siti Rahayu' });
  });

  it('never sends a mail queued in a transaction that rolled back', async () => {
    await expect(
      ctx.db.transaction().execute(async (tx) => {
        await enqueueMail(tx, {
          to: 'batal@ntb.go.id',
          template: 'password_reset',
          locale: 'id',
          vars: { name: 'Batal', link: RESET_LINK, expires: 'besok' },
          now: ctx.clock.now(),
        });
        throw new Error('the change failed after queuing its mail');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', 'batal@ntb.go.id')
      .execute();
    expect(rows).toEqual([]);
    expect(await ctx.deliverMail()).toEqual({ sent: 0, failed: 0 });
    const files = fs.existsSync(path.join(ctx.dataDir, 'mail'))
      ? fs.readdirSync(path.join(ctx.dataDir, 'mail'))
      : [];
    for (const f of files)
      expect(fs.readFileSync(path.join(ctx.dataDir, 'mail', f), 'utf8')).not.toContain('batal@');
  });
});
