import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionResponse } from '../src/contracts/erasure.js';
import { applyRetention, RETENTION_JOB_KIND } from '../src/modules/retention/commands/apply-retention.js';
import { retentionJob } from '../src/modules/retention/job.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeUser, sessionCookie } from './helpers/fixtures.js';

/*
 * Issue 15 point 5: the retention settings of personal data (system administrator, bounded, bilingual
 * field errors) and the daily job that removes exactly what is older than them, idempotently.
 */

const NOW = new Date('2026-04-01T03:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY + extraMs).toISOString();

describe('retention of personal data', () => {
  let ctx: TestContext;
  const cookie: Record<string, string> = {};
  let userId: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    cookie.admin = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'system_admin' })).id);
    cookie.secretariat = await sessionCookie(ctx, (await makeUser(ctx.db, { role: 'data_steward' })).id);
    userId = (await makeUser(ctx.db, { role: 'evaluator', email: 'retensi@uji.go.id' })).id;
  });
  afterAll(async () => ctx.close());

  const call = (who: string | undefined, method: 'GET' | 'PUT', payload?: object) =>
    ctx.app.inject({
      method,
      url: '/api/admin/retention',
      headers: who ? { cookie: cookie[who] } : {},
      payload,
    });
  const DEFAULTS = {
    loginFailureDays: 90,
    sessionDays: 30,
    mailBodyDays: 180,
    notificationDays: 365,
    tokenDays: 30,
  };

  it('shows the defaults with their bounds to the system administrator only', async () => {
    expect((await call(undefined, 'GET')).statusCode).toBe(401);
    expect((await call('secretariat', 'GET')).statusCode).toBe(403);
    expect((await call('secretariat', 'PUT', DEFAULTS)).statusCode).toBe(403);
    const res = await call('admin', 'GET');
    expect(res.statusCode).toBe(200);
    const body: RetentionResponse = res.json();
    expect(body.settings).toEqual(DEFAULTS);
    expect(body.defaults).toEqual(DEFAULTS);
    expect(body.bounds.mailBodyDays).toEqual({ min: 7, max: 3650 });
    expect(body.updatedAt).toBe(null);
    expect(body.abilities).toEqual({ edit: true });
  });

  it('refuses days out of bounds, not whole or not numbers, field by field in both languages', async () => {
    const res = await call('admin', 'PUT', {
      loginFailureDays: 0,
      sessionDays: 'tiga puluh',
      mailBodyDays: 7.5,
      notificationDays: 3651,
      tokenDays: 30,
    });
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(Object.keys(fields).sort()).toEqual([
      'loginFailureDays',
      'mailBodyDays',
      'notificationDays',
      'sessionDays',
    ]);
    expect(fields.loginFailureDays.message).toEqual({
      id: 'Isi bilangan bulat hari antara 1 dan 3650.',
      en: 'Enter a whole number of days between 1 and 3650.',
    });
    expect(fields.mailBodyDays.message.id).toBe('Isi bilangan bulat hari antara 7 dan 3650.');
    expect((await call('admin', 'GET')).json().settings).toEqual(DEFAULTS);
  });

  it('stores valid settings with their audit row', async () => {
    const next = { ...DEFAULTS, loginFailureDays: 60 };
    const res = await call('admin', 'PUT', next);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toEqual(next);
    expect(res.json().updatedAt).toBe(NOW.toISOString());
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'retention.updated')
      .execute();
    expect(audit.map((a) => JSON.parse(a.summary))).toEqual([{ before: DEFAULTS, after: next }]);
  });

  it('the daily job removes exactly the rows older than the settings, once', async () => {
    const { db } = ctx;
    // Each kind: one row just past its setting (removed), one just inside it (kept).
    await db
      .insertInto('login_failures')
      .values([
        { email: 'lama@uji.go.id', ip: '10.0.0.1', at: ago(60, -1000), device: null },
        { email: 'baru@uji.go.id', ip: '10.0.0.1', at: ago(60, 1000), device: null },
      ])
      .execute();
    await db
      .insertInto('sessions')
      .values([
        {
          id: 'ret-old',
          user_id: userId,
          created_at: ago(90),
          expires_at: ago(30, -1000),
          last_seen_at: ago(40),
          ip: null,
          user_agent: null,
        },
        {
          id: 'ret-new',
          user_id: userId,
          created_at: ago(90),
          expires_at: ago(30, 1000),
          last_seen_at: ago(40),
          ip: null,
          user_agent: null,
        },
      ])
      .execute();
    await db
      .insertInto('password_tokens')
      .values([
        {
          user_id: userId,
          token_hash: 'ret-old',
          purpose: 'reset',
          created_at: ago(40),
          expires_at: ago(30, -1000),
          used_at: null,
        },
        {
          user_id: userId,
          token_hash: 'ret-used',
          purpose: 'reset',
          created_at: ago(40),
          expires_at: ago(29),
          used_at: ago(31),
        },
        {
          user_id: userId,
          token_hash: 'ret-new',
          purpose: 'reset',
          created_at: ago(40),
          expires_at: ago(29),
          used_at: null,
        },
      ])
      .execute();
    const note = (title: string, readAt: string | null, createdAt: string) => ({
      user_id: userId,
      kind: 'test',
      title_id: title,
      title_en: title,
      body_id: 'isi',
      body_en: 'body',
      link: null,
      created_at: createdAt,
      read_at: readAt,
    });
    await db
      .insertInto('notifications')
      .values([
        note('ret-read-old', ago(365, -1000), ago(400)),
        note('ret-read-new', ago(365, 1000), ago(400)),
        note('ret-unread-old', null, ago(800)),
      ])
      .execute();
    const mail = (subject: string, status: 'sent' | 'failed' | 'pending', at: string) => ({
      to_address: 'penerima@uji.go.id',
      to_name: null,
      subject,
      text_body: 'isi surat',
      html_body: '<p>isi surat</p>',
      template: 'user_deactivated',
      locale: 'id' as const,
      status,
      attempts: 1,
      next_attempt_at: at,
      last_error: null,
      message_id: null,
      eml_path: null,
      created_at: at,
      sent_at: status === 'sent' ? at : null,
    });
    await db
      .insertInto('outbox')
      .values([
        mail('ret-sent-old', 'sent', ago(180, -1000)),
        mail('ret-failed-old', 'failed', ago(181)),
        mail('ret-sent-new', 'sent', ago(180, 1000)),
        mail('ret-pending-old', 'pending', ago(200)),
      ])
      .execute();

    const handlers = { [RETENTION_JOB_KIND]: retentionJob.handler };
    await retentionJob.ensure(db, ctx.clock);
    await runDueJobs(db, ctx.clock, handlers);

    expect(
      (
        await db
          .selectFrom('login_failures')
          .select('email')
          .where('email', 'in', ['lama@uji.go.id', 'baru@uji.go.id'])
          .execute()
      ).map((r) => r.email),
    ).toEqual(['baru@uji.go.id']);
    expect(
      (await db.selectFrom('sessions').select('id').where('id', 'like', 'ret-%').execute()).map((r) => r.id),
    ).toEqual(['ret-new']);
    expect(
      (
        await db
          .selectFrom('password_tokens')
          .select('token_hash')
          .where('token_hash', 'like', 'ret-%')
          .execute()
      ).map((r) => r.token_hash),
    ).toEqual(['ret-new']);
    expect(
      (
        await db
          .selectFrom('notifications')
          .select('title_id')
          .where('title_id', 'like', 'ret-%')
          .orderBy('id')
          .execute()
      ).map((r) => r.title_id),
    ).toEqual(['ret-read-new', 'ret-unread-old']);
    const mails = await db
      .selectFrom('outbox')
      .select(['subject', 'status', 'text_body', 'html_body'])
      .where('subject', 'like', 'ret-%')
      .orderBy('id')
      .execute();
    expect(mails).toEqual([
      { subject: 'ret-sent-old', status: 'sent', text_body: '', html_body: null },
      { subject: 'ret-failed-old', status: 'failed', text_body: '', html_body: null },
      { subject: 'ret-sent-new', status: 'sent', text_body: 'isi surat', html_body: '<p>isi surat</p>' },
      {
        subject: 'ret-pending-old',
        status: 'pending',
        text_body: 'isi surat',
        html_body: '<p>isi surat</p>',
      },
    ]);
    const audits = async () =>
      (
        await db
          .selectFrom('audit_events')
          .select('summary')
          .where('action', '=', 'retention.applied')
          .execute()
      ).map((a) => JSON.parse(a.summary).removed);
    expect(await audits()).toEqual([
      {
        loginFailures: 1,
        sessions: 1,
        tokens: 2,
        notifications: 1,
        mailBodies: 2,
        erasureNoticeAddresses: 0,
      },
    ]);
    // The next run is tomorrow's; run it: nothing more is removed and no audit row is written.
    const next = await db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('kind', '=', RETENTION_JOB_KIND)
      .orderBy('id')
      .execute();
    expect(next).toEqual([
      { run_at: NOW.toISOString(), status: 'done' },
      { run_at: new Date(NOW.getTime() + DAY).toISOString(), status: 'pending' },
    ]);
    // Applied again at the same moment: nothing more is removed and no audit row is written.
    expect(await applyRetention(db, NOW)).toEqual({
      loginFailures: 0,
      sessions: 0,
      tokens: 0,
      notifications: 0,
      mailBodies: 0,
      erasureNoticeAddresses: 0,
    });
    expect(await audits()).toHaveLength(1);
    // Tomorrow's run runs then, and schedules the day after.
    ctx.clock.freeze(new Date(NOW.getTime() + DAY));
    await runDueJobs(db, ctx.clock, handlers);
    const after = await db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', RETENTION_JOB_KIND)
      .orderBy('id')
      .execute();
    expect(after.map((j) => j.status)).toEqual(['done', 'done', 'pending']);
  });
});
