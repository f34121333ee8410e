import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createSession } from '../src/platform/sessions.js';
import { samplePdf } from '../src/seed/sample-pdf.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';

/**
 * The autosave acts on the session and the proposal view it remembers from the last autosave of the same
 * version (modules/proposals/commands/save-proposal.ts); whatever changed since by another request must
 * still decide the answer.
 */
describe('autosave from memory: changes made elsewhere between two autosaves still decide', () => {
  let ctx: TestContext;
  let competitionId: number;
  let institutionId: number;
  let unitId: number;
  let secretariatId: number;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const { secretariat, ...kipp } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Memori',
      now: NOW,
    });
    competitionId = kipp.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Memori' });
    institutionId = a.id;
    unitId = (await makeUnit(ctx.db, a.id, 'Dinas Perizinan Memori')).id;
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId, unitId });
    cookie.upp = await sessionCookie(ctx, upp.id);
    secretariatId = secretariat.id;
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });

  /** A new UPP of the unit with its own session, and a draft of it saved twice (so remembered). */
  async function primedDraft(who: string, title: string, groupKey = 'umum') {
    const user = await makeUser(ctx.db, { role: 'upp', institutionId, unitId });
    cookie[who] = await sessionCookie(ctx, user.id);
    const created = await call(who, 'POST', `/competitions/${competitionId}/proposals`, { groupKey, title });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as ProposalDetail;
    let version = p.version;
    for (const acronym of ['SATU', 'DUA']) {
      const res = await call(who, 'PATCH', `/proposals/${p.id}`, { version, acronym });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    return { id: p.id, version, userId: user.id };
  }

  const stored = (id: number) =>
    ctx.db
      .selectFrom('proposals')
      .select(['version', 'acronym'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('saves several autosaves in a row, each on the last, keeping every field and answer', async () => {
    const p = await primedDraft('uppRow', 'Layanan Izin Kilat Memori');
    let version = p.version;
    const edits = [
      { contactName: 'Sari Wulandari' },
      { answers: [{ sectionKey: 'ringkasan', text: 'Izin usaha terbit dalam satu hari.' }] },
      { answers: [{ sectionKey: 'kebaruan', text: 'Pertama di provinsi ini.' }], acronym: 'KILAT' },
    ];
    for (const edit of edits) {
      const res = await call('uppRow', 'PATCH', `/proposals/${p.id}`, { version, ...edit });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().version).toBe(version + 1);
      version = res.json().version;
    }
    const detail = (await call('uppRow', 'GET', `/proposals/${p.id}`)).json() as ProposalDetail;
    expect(detail.version).toBe(version);
    expect(detail.acronym).toBe('KILAT');
    expect(detail.contactName).toBe('Sari Wulandari');
    expect(Object.fromEntries(detail.answers.map((a) => [a.sectionKey, a.text]))).toEqual({
      ringkasan: 'Izin usaha terbit dalam satu hari.',
      kebaruan: 'Pertama di provinsi ini.',
    });
  });

  it('saves autosaves sent at the same moment (committed together on SQLite), and refuses the stale twin', async () => {
    const drafts = [
      await primedDraft('uppTogether1', 'Layanan Bersamaan Satu'),
      await primedDraft('uppTogether2', 'Layanan Bersamaan Dua'),
      await primedDraft('uppTogether3', 'Layanan Bersamaan Tiga'),
    ];
    const [first, ...others] = drafts;
    const responses = await Promise.all([
      ...drafts.map((p, i) =>
        call(`uppTogether${i + 1}`, 'PATCH', `/proposals/${p.id}`, {
          version: p.version,
          acronym: `BERSAMA${i}`,
        }),
      ),
      // A second tab of the first proposal, at the same version.
      call('uppTogether1', 'PATCH', `/proposals/${first.id}`, { version: first.version, acronym: 'TAB2' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 409]);
    expect(responses[3].json().error).toMatchObject({
      code: 'version_conflict',
      currentVersion: first.version + 1,
      server: { acronym: 'BERSAMA0' },
    });
    expect(await stored(first.id)).toEqual({ version: first.version + 1, acronym: 'BERSAMA0' });
    for (const [i, p] of others.entries())
      expect(await stored(p.id)).toEqual({ version: p.version + 1, acronym: `BERSAMA${i + 1}` });
  });

  it('refuses the next autosave of a session ended elsewhere (401) and saves nothing', async () => {
    const p = await primedDraft('uppLogout', 'Layanan Keluar Memori');
    expect((await call('uppLogout', 'POST', '/auth/logout')).statusCode).toBe(204);
    const res = await call('uppLogout', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TIGA',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(await stored(p.id)).toEqual({ version: p.version, acronym: 'DUA' });
  });

  it('refuses the next autosave of a session deleted by another process (401) and saves nothing', async () => {
    const p = await primedDraft('uppGone', 'Layanan Sesi Hilang Memori');
    // As another worker's logout or password change would: only the database knows.
    await ctx.db.deleteFrom('sessions').where('user_id', '=', p.userId).execute();
    const res = await call('uppGone', 'PATCH', `/proposals/${p.id}`, { version: p.version, acronym: 'TIGA' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(await stored(p.id)).toEqual({ version: p.version, acronym: 'DUA' });
  });

  it('refuses a user deactivated since the last autosave (401) and saves nothing', async () => {
    const p = await primedDraft('uppInactive', 'Layanan Nonaktif Memori');
    await ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', p.userId).execute();
    const res = await call('uppInactive', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TIGA',
    });
    expect(res.statusCode).toBe(401);
    expect(await stored(p.id)).toEqual({ version: p.version, acronym: 'DUA' });
  });

  it('refuses a user whose role was taken away since the last autosave (404) and saves nothing', async () => {
    const p = await primedDraft('uppNoRole', 'Layanan Tanpa Peran Memori');
    await ctx.db.deleteFrom('role_grants').where('user_id', '=', p.userId).execute();
    const res = await call('uppNoRole', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TIGA',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect(await stored(p.id)).toEqual({ version: p.version, acronym: 'DUA' });
  });

  it('shows evidence added and removed by other requests in what is still missing', async () => {
    const p = await primedDraft('uppEvidence', 'Replikasi Posyandu Memori', 'replikasi');
    const missingStatement = async (version: number) => {
      const res = await call('uppEvidence', 'PATCH', `/proposals/${p.id}`, { version, contactName: 'Rina' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        version: number;
        completeness: { missing: { code: string; field: string }[] };
      };
      return {
        version: body.version,
        missing: body.completeness.missing.some(
          (m) => m.code === 'attachment_required' && m.field === 'attachments.replication_statement',
        ),
      };
    };
    const before = await missingStatement(p.version);
    expect(before.missing).toBe(true);

    const boundary = `----memori${crypto.randomBytes(6).toString('hex')}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nreplication_statement\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pernyataan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      samplePdf('Pernyataan replikasi'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${p.id}/attachments`,
      headers: { cookie: cookie.uppEvidence, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const withStatement = await missingStatement(before.version);
    expect(withStatement.missing).toBe(false);

    const removed = await call('uppEvidence', 'DELETE', `/proposals/${p.id}/attachments/${upload.json().id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await missingStatement(withStatement.version)).missing).toBe(true);
  });

  it('follows the deadline: saves again once extended, refuses once closed early (409 submission_closed)', async () => {
    // Sessions are remembered until a touch is due (5 minutes): the whole story happens within that.
    const at = (ms: number) => ctx.clock.freeze(new Date(Date.parse(CLOSES_AT) + ms));
    at(-120_000);
    cookie.secretariat = await sessionCookie(ctx, secretariatId);
    const p = await primedDraft('uppDeadline', 'Layanan Tenggat Memori');
    try {
      at(60_000);
      const late = await call('uppDeadline', 'PATCH', `/proposals/${p.id}`, {
        version: p.version,
        acronym: 'X',
      });
      expect(late.statusCode, late.body).toBe(409);
      expect(late.json().error.code).toBe('submission_closed');

      const extended = await call('secretariat', 'POST', `/competitions/${competitionId}/extend-submission`, {
        closesAt: '2026-05-09T16:59:00.000Z',
        letterNumber: 'B/123/M.KT.01/2026',
      });
      expect(extended.statusCode, extended.body).toBe(200);
      const reopened = await call('uppDeadline', 'PATCH', `/proposals/${p.id}`, {
        version: p.version,
        acronym: 'BUKA',
      });
      expect(reopened.statusCode, reopened.body).toBe(200);
      const version = reopened.json().version as number;

      // Closed early by a direct change of the stage (its trigger moves the competition's setup revision).
      await ctx.db
        .updateTable('stages')
        .set({ closes_at: new Date(Date.parse(CLOSES_AT) + 30_000).toISOString() })
        .where('competition_id', '=', competitionId)
        .where('kind', '=', 'submission')
        .execute();
      const closed = await call('uppDeadline', 'PATCH', `/proposals/${p.id}`, { version, acronym: 'TUTUP' });
      expect(closed.statusCode, closed.body).toBe(409);
      expect(closed.json().error.code).toBe('submission_closed');
      expect(await stored(p.id)).toEqual({ version, acronym: 'BUKA' });
    } finally {
      await ctx.db
        .updateTable('stages')
        .set({ closes_at: CLOSES_AT })
        .where('competition_id', '=', competitionId)
        .where('kind', '=', 'submission')
        .execute();
      ctx.clock.freeze(NOW);
    }
  });

  it('answers 409 with the server copy when the row was changed without moving its version', async () => {
    const p = await primedDraft('uppDirect', 'Layanan Diubah Langsung Memori');
    // A writer that forgets the version: the trigger of migration 0011 moves it.
    await ctx.db.updateTable('proposals').set({ acronym: 'LANGSUNG' }).where('id', '=', p.id).execute();
    expect(await stored(p.id)).toEqual({ version: p.version + 1, acronym: 'LANGSUNG' });
    const res = await call('uppDirect', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TIGA',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
    expect(res.json().error).toMatchObject({
      currentVersion: p.version + 1,
      server: { version: p.version + 1, acronym: 'LANGSUNG' },
    });
    // A writer that moves the version itself has it moved once.
    await ctx.db
      .updateTable('proposals')
      .set((eb) => ({ version: eb('version', '+', 1), acronym: 'SENDIRI' }))
      .where('id', '=', p.id)
      .execute();
    expect(await stored(p.id)).toEqual({ version: p.version + 2, acronym: 'SENDIRI' });
  });
});

describe("data_revisions('auth'): moved by what can end a remembered session, and only by that", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  const rev = async () =>
    String(
      (
        await ctx.db
          .selectFrom('data_revisions')
          .select('rev')
          .where('name', '=', 'auth')
          .executeTakeFirstOrThrow()
      ).rev,
    );
  /** Whether `change` moved the revision. */
  const moves = async (change: () => Promise<unknown>) => {
    const before = await rev();
    await change();
    return (await rev()) !== before;
  };

  it('moves on session end, deactivation, profile reset and any grant change; not on login, touch or rename', async () => {
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Revisi' });
    const unit = await makeUnit(ctx.db, inst.id);
    const user = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const now = new Date('2026-04-01T03:00:00.000Z');
    let token = '';
    expect(
      await moves(async () => {
        token = await createSession(ctx.db, { userId: user.id, now, ip: null, userAgent: null });
      }),
    ).toBe(false);
    expect(
      await moves(() => ctx.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).execute()),
    ).toBe(false);
    expect(
      await moves(() =>
        ctx.db.updateTable('users').set({ name: 'Nama Baru' }).where('id', '=', user.id).execute(),
      ),
    ).toBe(false);
    expect(token).not.toBe('');
    expect(await moves(() => ctx.db.deleteFrom('sessions').where('user_id', '=', user.id).execute())).toBe(
      true,
    );
    expect(
      await moves(() =>
        ctx.db.updateTable('users').set({ is_active: 0 }).where('id', '=', user.id).execute(),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        ctx.db.updateTable('users').set({ must_complete_profile: 1 }).where('id', '=', user.id).execute(),
      ),
    ).toBe(true);
    expect(
      await moves(() =>
        ctx.db.updateTable('role_grants').set({ role: 'upp' }).where('user_id', '=', user.id).execute(),
      ),
    ).toBe(true);
    expect(await moves(() => ctx.db.deleteFrom('role_grants').where('user_id', '=', user.id).execute())).toBe(
      true,
    );
    expect(await moves(() => makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id }))).toBe(true);
    expect(Number.isSafeInteger(Number(await rev()))).toBe(true);
  });
});
