import { describe, expect, it, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { appWithSmtpCapture } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { makeFinalist } from './helpers/finalists.js';
import { publicRatingsFor } from '../src/modules/public-ratings/summary.js';
import { RATINGS_PER_SESSION_PER_MINUTE } from '../src/domain/public-ratings.js';
import { ratingAddressSweepJob } from '../src/modules/public-ratings/sweep.js';
import { ERASED_ADDRESS } from '../src/modules/public-ratings/commands/verify-code.js';
import { runDueJobs } from '../src/platform/jobs.js';

/*
 * Public participation (issue 13 point 8) through the API on a real database and a real SMTP capture: the
 * organizer's window, the e-mail code, one rating per person per finalist, the limits, the anomaly report
 * and the audited exclusion, who may read the summary, and no address left in the database.
 */

const NOW = new Date('2026-07-02T03:00:00.000Z'); // 10.00 WIB
const OPENS = '2026-07-01T01:00:00.000Z';
const CLOSES = '2026-07-08T16:59:00.000Z'; // 8 July 23.59 WIB

describe('public ratings of the finalists', () => {
  const suite = appWithSmtpCapture();
  let competitionId = 0;
  let otherCompetitionId = 0;
  const cookie: Record<string, string> = {};
  const f: { id: number; code: string; title: string }[] = [];
  let notFinalistId = 0;
  let ip = 0;
  const nextIp = () => `10.77.${Math.floor(++ip / 250)}.${ip % 250}`;

  beforeAll(async () => {
    const { ctx } = suite;
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Nilai Publik', now: NOW });
    competitionId = kipp.competitionId;
    const other = await publishedKipp(ctx.db, { organizerName: 'Kementerian Lain Nilai', now: NOW });
    otherCompetitionId = other.competitionId;
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Finalis Publik' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Publik');
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const users = {
      secretariat: kipp.secretariat,
      otherSecretariat: other.secretariat,
      panelist: await makeUser(ctx.db, { role: 'panelist', competitionId }),
      otherPanelist: await makeUser(ctx.db, { role: 'panelist', competitionId: otherCompetitionId }),
      evaluator: await makeUser(ctx.db, { role: 'evaluator', competitionId }),
      admin: await makeUser(ctx.db, { role: 'system_admin' }),
      upp,
    };
    for (const [k, u] of Object.entries(users)) cookie[k] = await sessionCookie(ctx, u.id);
    for (const title of [
      'Layanan Jemput Bola',
      'Klinik Pajak Keliling',
      'Posyandu Digital',
      'Sekolah Lapang',
    ])
      f.push(
        await makeFinalist(ctx.db, {
          competitionId,
          institutionId: inst.id,
          unitId: unit.id,
          createdBy: upp.id,
          actorUserId: kipp.secretariat.id,
          now: NOW,
          title,
        }),
      );
    const passed = await makeFinalist(ctx.db, {
      competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      actorUserId: kipp.secretariat.id,
      now: NOW,
    });
    await ctx.db
      .updateTable('proposals')
      .set({ state: 'passed_admin' })
      .where('id', '=', passed.id)
      .execute();
    notFinalistId = passed.id;
  });

  const api = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    opts: { who?: string; cookie?: string; payload?: unknown; address?: string } = {},
  ) =>
    suite.ctx.app.inject({
      method,
      url: `/api${url}`,
      remoteAddress: opts.address ?? nextIp(),
      headers: opts.cookie ? { cookie: opts.cookie } : opts.who ? { cookie: cookie[opts.who] } : {},
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    });
  const pub = (rest = '') => `/public/competitions/${competitionId}/public-ratings${rest}`;
  const setWindow = (body: unknown, who = 'secretariat') =>
    api('PUT', `/competitions/${competitionId}/public-ratings/window`, { who, payload: body });
  const ratingCookie = (res: LightMyRequestResponse) => {
    const set = res.headers['set-cookie'];
    const list = Array.isArray(set) ? set : set ? [set] : [];
    const c = list.find((x) => x.startsWith('sinovik_rating='));
    if (!c) throw new Error(`no rating cookie: ${res.statusCode} ${res.body}`);
    return c.split(';')[0]!;
  };
  /** Asks for a code for `email`, delivers the mail, and reads the code from the captured message. */
  const codeFor = async (email: string) => {
    const res = await api('POST', pub('/code'), { payload: { email, locale: 'id' } });
    expect(res.statusCode, res.body).toBe(202);
    const { requestId } = res.json();
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor((m) => m.text.includes(`permintaan=${requestId}&`));
    expect(mail.to).toEqual([email.trim()]);
    const code = /: (\d{6})/.exec(mail.text)![1]!;
    return { requestId: requestId as number, code, mail };
  };
  const verify = (requestId: number, code: string) =>
    api('POST', pub('/verify'), { payload: { requestId, code } });
  const sessionFor = async (email: string) => {
    const { requestId, code } = await codeFor(email);
    const res = await verify(requestId, code);
    expect(res.statusCode, res.body).toBe(200);
    return ratingCookie(res);
  };
  const rate = (c: string, proposalId: number, value: number, address?: string) =>
    api('PUT', pub('/ratings'), { cookie: c, payload: { proposalId, value }, address });
  const rows = () =>
    suite.ctx.db
      .selectFrom('public_ratings')
      .selectAll()
      .where('competition_id', '=', competitionId)
      .execute();

  it('before the organizer opens it: no finalists shown, a code request is refused 409', async () => {
    const page = await api('GET', pub());
    expect(page.statusCode).toBe(200);
    expect(page.json().window.state).toBe('off');
    expect(page.json().finalists).toEqual([]);
    const code = await api('POST', pub('/code'), { payload: { email: 'warga@contoh.id' } });
    expect(code.statusCode).toBe(409);
    expect(code.json().error.code).toBe('rating_window_not_open');
  });

  it('the secretariat sets the window (audited); a bad window is a field error; others may not', async () => {
    const bad = await setWindow({ enabled: true, opensAt: CLOSES, closesAt: OPENS });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.closesAt.code).toBe('closes_before_opens');
    for (const who of ['otherSecretariat', 'panelist', 'admin', 'upp'])
      expect((await setWindow({ enabled: true, opensAt: OPENS, closesAt: CLOSES }, who)).statusCode).toBe(
        404,
      );
    const ok = await setWindow({ enabled: true, opensAt: OPENS, closesAt: CLOSES });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      state: 'open',
      enabled: true,
      opensAt: OPENS,
      closesAt: CLOSES,
      timeZone: 'Asia/Jakarta',
    });
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'public_rating.window_set')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.summary).after).toEqual({ enabled: true, opensAt: OPENS, closesAt: CLOSES });
    const win = await api('GET', pub('/window'));
    expect(win.json().state).toBe('open');
  });

  it("the page shows each finalist's public summary only (no contact, no innovators), the non-finalist not", async () => {
    const res = await api('GET', pub());
    const body = res.json();
    expect(body.verified).toBe(false);
    expect(body.finalists.map((x: { proposalId: number }) => x.proposalId)).toEqual(f.map((x) => x.id));
    expect(body.finalists.some((x: { proposalId: number }) => x.proposalId === notFinalistId)).toBe(false);
    expect(Object.keys(body.finalists[0]).sort()).toEqual(
      [
        'category',
        'categoryEn',
        'code',
        'group',
        'groupEn',
        'institution',
        'myRating',
        'proposalId',
        'summary',
        'title',
      ].sort(),
    );
    expect(res.body).not.toContain('sari@uji.go.id');
    expect(res.body).not.toContain('+6281234567890');
  });

  it('refuses a malformed or throw-away address, field by field, in both languages', async () => {
    const bad = await api('POST', pub('/code'), { payload: { email: 'warga@' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.email.code).toBe('invalid_email');
    const temp = await api('POST', pub('/code'), { payload: { email: 'warga@mailinator.com' } });
    expect(temp.statusCode).toBe(400);
    expect(temp.json().error.fields.email).toMatchObject({
      code: 'disposable_email',
      message: { id: expect.stringContaining('sekali pakai'), en: expect.stringContaining('Throw-away') },
    });
  });

  it('codes: wrong 400 with tries left, reused 409, expired 410, unknown 404; none of it opens a session', async () => {
    const { requestId, code } = await codeFor('kode.salah@contoh.id');
    const wrong = await verify(requestId, code === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.code).toMatchObject({ code: 'rating_code_wrong' });
    expect(wrong.json().error.fields.code.message.en).toBe('Wrong code. Tries left: 4.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const right = await verify(requestId, code);
    expect(right.statusCode).toBe(200);
    const again = await verify(requestId, code);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('rating_code_used');
    expect((await verify(999_999, '123456')).json().error.code).toBe('rating_code_unknown');

    const late = await codeFor('kode.lama@contoh.id');
    suite.ctx.clock.freeze(new Date(NOW.getTime() + 16 * 60_000));
    const expired = await verify(late.requestId, late.code);
    suite.ctx.clock.freeze(NOW);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('rating_code_expired');
  });

  it('no address stays in the database in clear after verification (outbox erased, only keyed hashes)', async () => {
    const email = 'Jejak.Tanpa.Alamat@gmail.com';
    const { requestId, code } = await codeFor(email);
    const before = await suite.ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', email)
      .execute();
    expect(before).toHaveLength(1);
    // The code and link are secrets in the outbox copy.
    const stored = await suite.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', before[0]!.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_body).not.toContain(code);
    expect((await verify(requestId, code)).statusCode).toBe(200);
    const needle = 'jejak';
    for (const table of [
      'outbox',
      'public_rating_codes',
      'public_rating_sessions',
      'public_ratings',
      'audit_events',
    ] as const) {
      const all = await suite.ctx.db.selectFrom(table).selectAll().execute();
      expect(JSON.stringify(all).toLowerCase(), table).not.toContain(needle);
    }
  });

  it('an unused code: the hourly sweep erases its address once it expires, and fails its mail if still waiting', async () => {
    const { db, clock } = suite.ctx;
    const sent = await codeFor('Tak.Pernah.Dipakai@contoh.id');
    const waiting = await api('POST', pub('/code'), {
      payload: { email: 'Masih.Antre@contoh.id', locale: 'id' },
    });
    expect(waiting.statusCode).toBe(202);
    const mailOf = async (requestId: number) => {
      const code = await db
        .selectFrom('public_rating_codes')
        .select('outbox_id')
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      return db.selectFrom('outbox').selectAll().where('id', '=', code.outbox_id!).executeTakeFirstOrThrow();
    };
    const waitingMail = await mailOf(waiting.json().requestId);
    expect(waitingMail).toMatchObject({ to_address: 'Masih.Antre@contoh.id', status: 'pending' });
    const job = ratingAddressSweepJob;
    await job.ensure(db, clock);
    // Before the codes expire the sweep leaves them alone.
    expect(await runDueJobs(db, clock, { [job.kind]: job.handler })).toEqual({ done: 1, failed: 0 });
    expect((await mailOf(sent.requestId)).to_address).toBe('Tak.Pernah.Dipakai@contoh.id');
    clock.freeze(new Date(NOW.getTime() + 61 * 60_000));
    expect(await runDueJobs(db, clock, { [job.kind]: job.handler })).toEqual({ done: 1, failed: 0 });
    clock.freeze(NOW);
    const outbox = JSON.stringify(await db.selectFrom('outbox').selectAll().execute()).toLowerCase();
    expect(outbox).not.toContain('tak.pernah.dipakai');
    expect(outbox).not.toContain('masih.antre');
    const failed = await db
      .selectFrom('outbox')
      .select(['status', 'to_address'])
      .where('id', '=', waitingMail.id)
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({ status: 'failed', to_address: ERASED_ADDRESS });
    // Each code is swept once: unlinked from its mail.
    const linked = await db
      .selectFrom('public_rating_codes')
      .select('id')
      .where('id', 'in', [sent.requestId, waiting.json().requestId])
      .where('outbox_id', 'is not', null)
      .execute();
    expect(linked).toEqual([]);
  });

  it('one rating per person per finalist: aliases in two sessions give one row; rating again replaces it', async () => {
    const s1 = await sessionFor('Budi.Santoso@gmail.com');
    const s2 = await sessionFor('budisantoso+kipp@googlemail.com');
    const first = await rate(s1, f[0]!.id, 2);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ proposalId: f[0]!.id, value: 2, replaced: false });
    suite.ctx.clock.freeze(new Date(NOW.getTime() + 60_000));
    const second = await rate(s2, f[0]!.id, 5);
    suite.ctx.clock.freeze(NOW);
    expect(second.json()).toEqual({ proposalId: f[0]!.id, value: 5, replaced: true });
    const mine = (await rows()).filter((r) => r.proposal_id === f[0]!.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.value).toBe(5);
    // The page shows the person's own rating back.
    const page = await api('GET', pub(), { cookie: s1 });
    expect(page.json().verified).toBe(true);
    expect(page.json().finalists[0].myRating).toBe(5);
    // Not a finalist; not a verified session.
    const nf = await rate(s1, notFinalistId, 4);
    expect(nf.statusCode).toBe(400);
    expect(nf.json().error.fields.proposalId.code).toBe('not_a_finalist');
    const anon = await api('PUT', pub('/ratings'), { payload: { proposalId: f[0]!.id, value: 4 } });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('rating_session_required');
    const bad = await rate(s1, f[0]!.id, 6);
    expect(bad.statusCode).toBe(400);
  });

  it('outside the window: 409 with the closing time, nothing changed', async () => {
    const s = await sessionFor('terlambat@contoh.id');
    expect((await rate(s, f[1]!.id, 3)).statusCode).toBe(200);
    suite.ctx.clock.freeze(new Date('2026-07-09T00:00:00.000Z'));
    const late = await rate(s, f[1]!.id, 1);
    suite.ctx.clock.freeze(NOW);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('rating_window_closed');
    expect(late.json().error.message.id).toContain('8 Juli 2026 23.59 WIB');
    expect(late.json().error.message.en).toContain('8 July 2026 23:59 WIB');
    const row = (await rows()).find((r) => r.proposal_id === f[1]!.id)!;
    expect(row.value).toBe(3);
  });

  it('limits: three codes per address an hour (429 with a message), and ratings per session a minute', async () => {
    for (let i = 0; i < 3; i++)
      expect((await api('POST', pub('/code'), { payload: { email: 'rajin@contoh.id' } })).statusCode).toBe(
        202,
      );
    // The same person by an alias, from another address: still the fourth.
    const fourth = await api('POST', pub('/code'), { payload: { email: 'Rajin+lagi@contoh.id' } });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('rating_code_rate_limited');
    expect(fourth.json().error.message.id).toContain('sudah meminta 3 kode dalam satu jam');
    expect(fourth.headers['retry-after']).toBeDefined();

    const s = await sessionFor('cepat@contoh.id');
    const statuses: number[] = [];
    for (let i = 0; i < RATINGS_PER_SESSION_PER_MINUTE + 1; i++)
      statuses.push((await rate(s, f[i % 4]!.id, 1 + (i % 5))).statusCode);
    expect(statuses.slice(0, RATINGS_PER_SESSION_PER_MINUTE).every((x) => x === 200)).toBe(true);
    const last = await rate(s, f[0]!.id, 3);
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('rating_session_limited');
    expect(last.json().error.message.en).toContain('ratings already saved are kept');
    // Per network address as well (codes): the 21st request from one address in 15 minutes.
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push(
        (
          await api('POST', pub('/code'), {
            payload: { email: `satu.ip.${i}@contoh.id` },
            address: '10.99.9.9',
          })
        ).statusCode,
      );
    expect(codes.slice(0, 20).every((x) => x === 202)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('N parallel ratings (new, re-ratings, duplicates) leave exactly one row per person and finalist', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 12 }, (_, i) => sessionFor(`paralel.${i}@contoh.id`)),
    );
    const expected = new Map<string, number>();
    const requests: Promise<LightMyRequestResponse>[] = [];
    sessions.forEach((s, i) => {
      for (const [k, fin] of f.entries()) {
        const value = 1 + ((i + k) % 5);
        // Each rating sent twice at once (a double tap), and the last finalist re-rated.
        requests.push(rate(s, fin.id, value), rate(s, fin.id, value));
        expected.set(`${i}:${fin.id}`, value);
      }
    });
    const res = await Promise.all(requests);
    expect(res.every((r) => r.statusCode === 200)).toBe(true);
    const all = (await rows()).filter((r) => sessions.length && r.ip?.startsWith('10.77.'));
    const summary = await publicRatingsFor(suite.ctx.db, competitionId);
    const byFinalist = new Map<number, number[]>();
    for (const r of await rows())
      byFinalist.set(r.proposal_id, [...(byFinalist.get(r.proposal_id) ?? []), r.value]);
    for (const fin of f) {
      const values = byFinalist.get(fin.id)!;
      const s = summary.get(fin.id)!;
      expect(s.count).toBe(values.length);
      expect(s.mean).toBe(Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100);
    }
    const keys = all.map((r) => `${r.proposal_id}:${r.voter_hash}`);
    expect(new Set(keys).size).toBe(keys.length);
    const fromParallel = (await rows()).filter(
      (r) => sessions.length > 0 && r.created_at === NOW.toISOString(),
    );
    expect(fromParallel.length).toBeGreaterThanOrEqual(12 * 4);
  });

  it('the anomaly report flags many addresses from one IP; excluding the group is audited and changes the mean', async () => {
    // Six people rate Sekolah Lapang 1 from one address.
    for (let i = 0; i < 6; i++) {
      const s = await sessionFor(`satu.kantor.${i}@contoh.id`);
      expect((await rate(s, f[3]!.id, 1, '36.80.1.9')).statusCode).toBe(200);
    }
    const before = await api('GET', `/competitions/${competitionId}/public-ratings`, { who: 'secretariat' });
    expect(before.statusCode).toBe(200);
    const report = before.json();
    expect(report.notice.id).toContain('bukan keputusan');
    const group = report.anomalies.find((g: { key: string }) => g.key === 'ip:36.80.1.9');
    expect(group).toMatchObject({ kind: 'ip', ratings: 6, voters: 6, excluded: 0 });
    expect(group.words.id).toContain('6 alamat e-mail berbeda menilai dari satu alamat IP (36.80.1.9)');
    const line = (r: typeof report) =>
      r.finalists.find((x: { proposalId: number }) => x.proposalId === f[3]!.id).summary;
    const meanBefore = line(report);
    expect(meanBefore.anomaly).toBe(true);

    // The panel reads it but may not exclude; another organizer and an evaluator do not see it.
    const panel = await api('GET', `/competitions/${competitionId}/public-ratings`, { who: 'panelist' });
    expect(panel.statusCode).toBe(200);
    expect(panel.json().abilities.manage).toBe(false);
    for (const who of ['otherSecretariat', 'otherPanelist', 'evaluator', 'admin', 'upp'])
      expect(
        (await api('GET', `/competitions/${competitionId}/public-ratings`, { who })).statusCode,
        who,
      ).toBe(404);
    const body = { groupKey: 'ip:36.80.1.9', reason: 'Enam alamat dari satu IP dalam beberapa menit.' };
    expect(
      (
        await api('POST', `/competitions/${competitionId}/public-ratings/exclusions`, {
          who: 'panelist',
          payload: body,
        })
      ).statusCode,
    ).toBe(404);

    const ex = await api('POST', `/competitions/${competitionId}/public-ratings/exclusions`, {
      who: 'secretariat',
      payload: body,
    });
    expect(ex.statusCode, ex.body).toBe(201);
    expect(ex.json().ratings).toBe(6);
    const after = (
      await api('GET', `/competitions/${competitionId}/public-ratings`, { who: 'secretariat' })
    ).json();
    const s = line(after);
    expect(s.excluded).toBe(6);
    expect(s.count).toBe(meanBefore.count - 6);
    expect(s.mean).not.toBe(meanBefore.mean);
    expect(after.exclusions[0]).toMatchObject({ groupKey: 'ip:36.80.1.9', kind: 'ip', ratings: 6 });
    const audit = await suite.ctx.db
      .selectFrom('audit_events')
      .select(['summary', 'actor_user_id'])
      .where('action', '=', 'public_rating.group_excluded')
      .executeTakeFirstOrThrow();
    const summary = JSON.parse(audit.summary);
    expect(summary).toMatchObject({ groupKey: 'ip:36.80.1.9', ratings: 6, reason: body.reason });
    expect(summary.finalists[0]).toMatchObject({
      proposalId: f[3]!.id,
      meanBefore: meanBefore.mean,
      meanAfter: s.mean,
    });
    // Twice: nothing left to exclude.
    const twice = await api('POST', `/competitions/${competitionId}/public-ratings/exclusions`, {
      who: 'secretariat',
      payload: body,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('anomaly_group_excluded');
  });
});
