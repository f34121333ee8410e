import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { groupCommitStats } from '../src/db/group-commit.js';
import { samplePdf } from '../src/seed/sample-pdf.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { servingDatabases } from './helpers/scaled.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';

/**
 * Between two autosaves of the same editor, other requests, other processes and future features change
 * the session, the user, the proposal, its answers, its evidence and the deadline: the next autosave
 * decides on what the database holds then (modules/proposals/commands/autosave-proposal.ts).
 */
describe('autosave: changes made elsewhere between two autosaves decide the next one', () => {
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

  /** A new UPP of the unit with its own session, and a draft of it saved twice. */
  async function primedDraft(who: string, title: string, groupKey = 'umum') {
    // A unit of its own, so the drafts of the file stay under the unit's limit of open drafts.
    const unit = await makeUnit(ctx.db, institutionId, `Dinas ${who}`);
    const user = await makeUser(ctx.db, { role: 'upp', institutionId, unitId: unit.id });
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

  it('commits autosaves that arrive together in one transaction on SQLite (group commit), none on PostgreSQL (each is one statement)', async () => {
    const drafts = [];
    for (let i = 1; i <= 5; i++)
      drafts.push(await primedDraft(`uppGroup${i}`, `Layanan Satu Transaksi ${i}`));
    // Every connection that serves requests (two in the scaled mode): the works are split between them.
    const stats = () =>
      servingDatabases(ctx)
        .map(groupCommitStats)
        .reduce((a, b) => ({ works: a.works + b.works, transactions: a.transactions + b.transactions }));
    const before = stats();
    const responses = await Promise.all(
      drafts.map((p, i) =>
        call(`uppGroup${i + 1}`, 'PATCH', `/proposals/${p.id}`, { version: p.version, acronym: `GRUP${i}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const after = stats();
    // Switched off (a transaction per work), SQLite would open five. On PostgreSQL each save joins its open
    // revision and is one statement, atomic on its own (proposals/save-writes.ts): no transactional work.
    const sqlite = ctx.testDb.dialect === 'sqlite';
    expect(after.works - before.works).toBe(sqlite ? 5 : 0);
    expect(after.transactions - before.transactions).toBe(sqlite ? 1 : 0);
    for (const [i, p] of drafts.entries())
      expect(await stored(p.id)).toEqual({ version: p.version + 1, acronym: `GRUP${i}` });
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

  /** Writes an answer as a future feature would: straight into proposal_answers, the proposal untouched. */
  async function writeAnswerDirectly(proposalId: number, sectionKey: string, text: string) {
    const section = await ctx.db
      .selectFrom('form_sections as s')
      .innerJoin('proposals as p', 'p.group_id', 's.group_id')
      .select('s.id')
      .where('p.id', '=', proposalId)
      .where('s.key', '=', sectionKey)
      .executeTakeFirstOrThrow();
    const words = text.split(/\s+/).filter(Boolean).length;
    await ctx.db
      .insertInto('proposal_answers')
      .values({
        proposal_id: proposalId,
        section_id: section.id,
        text,
        word_count: words,
        updated_at: NOW.toISOString(),
      })
      .onConflict((oc) => oc.columns(['proposal_id', 'section_id']).doUpdateSet({ text, word_count: words }))
      .execute();
  }
  const answerOf = async (proposalId: number, sectionKey: string) =>
    (
      await ctx.db
        .selectFrom('proposal_answers as a')
        .innerJoin('form_sections as s', 's.id', 'a.section_id')
        .select('a.text')
        .where('a.proposal_id', '=', proposalId)
        .where('s.key', '=', sectionKey)
        .executeTakeFirst()
    )?.text;

  it('never overwrites silently an answer written directly, by an autosave that did not change that section', async () => {
    const p = await primedDraft('uppDirectAnswer', 'Layanan Jawaban Langsung');
    const first = await call('uppDirectAnswer', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      answers: [{ sectionKey: 'ringkasan', text: 'Teks dari editor.' }],
    });
    expect(first.statusCode, first.body).toBe(200);
    await writeAnswerDirectly(p.id, 'ringkasan', 'Teks yang ditulis langsung oleh fitur lain.');
    // An autosave of another field: the answer stays, and what it answers is read from the database.
    const res = await call('uppDirectAnswer', 'PATCH', `/proposals/${p.id}`, {
      version: first.json().version,
      acronym: 'LANGSUNG',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await answerOf(p.id, 'ringkasan')).toBe('Teks yang ditulis langsung oleh fitur lain.');
    const detail = (await call('uppDirectAnswer', 'GET', `/proposals/${p.id}`)).json() as ProposalDetail;
    expect(detail.answers.find((a) => a.sectionKey === 'ringkasan')?.text).toBe(
      'Teks yang ditulis langsung oleh fitur lain.',
    );
    expect(detail.acronym).toBe('LANGSUNG');
    // A section emptied directly is missing again in the very answer of the next autosave.
    await ctx.db.deleteFrom('proposal_answers').where('proposal_id', '=', p.id).execute();
    const emptied = await call('uppDirectAnswer', 'PATCH', `/proposals/${p.id}`, {
      version: res.json().version,
      contactName: 'Dewi',
    });
    expect(emptied.statusCode, emptied.body).toBe(200);
    const missing = (emptied.json() as { completeness: { missing: { code: string; field: string }[] } })
      .completeness.missing;
    expect(missing).toContainEqual(
      expect.objectContaining({ code: 'section_empty', field: 'sections.ringkasan' }),
    );
  });

  it('stores the text the user typed, even when an answer written directly in between differs from it', async () => {
    const p = await primedDraft('uppRetype', 'Layanan Ketik Ulang');
    const typed = 'Izin terbit dalam satu hari kerja.';
    const first = await call('uppRetype', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      answers: [{ sectionKey: 'ringkasan', text: typed }],
    });
    expect(first.statusCode, first.body).toBe(200);
    await writeAnswerDirectly(p.id, 'ringkasan', 'Teks lain dari fitur lain.');
    // The editor sends the user's text again (as typed, the same as before): it is what is stored.
    const res = await call('uppRetype', 'PATCH', `/proposals/${p.id}`, {
      version: first.json().version,
      answers: [{ sectionKey: 'ringkasan', text: typed }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await answerOf(p.id, 'ringkasan')).toBe(typed);
  });

  it('answers 409 with the server copy when another writer moved the version between two autosaves', async () => {
    const p = await primedDraft('uppDirect', 'Layanan Diubah Langsung Memori');
    await ctx.db
      .updateTable('proposals')
      .set((eb) => ({ version: eb('version', '+', 1), acronym: 'SENDIRI' }))
      .where('id', '=', p.id)
      .execute();
    const res = await call('uppDirect', 'PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'TIGA',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
    expect(res.json().error).toMatchObject({
      currentVersion: p.version + 1,
      server: { version: p.version + 1, acronym: 'SENDIRI' },
    });
    expect(await stored(p.id)).toEqual({ version: p.version + 1, acronym: 'SENDIRI' });
  });
});
