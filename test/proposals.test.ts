import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { sha256 } from '../src/platform/sessions.js';
import { kippPair, makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('proposals: scope, denials, editor and history', () => {
  let ctx: TestContext;
  let competitionId: number;
  let draftCompetitionId: number;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const pair = await kippPair(ctx.db, {
      organizerName: 'Kementerian PANRB Lingkup',
      otherOrganizerName: 'Pemerintah Provinsi Lingkup Lain',
      now: NOW,
    });
    const { otherOrganizer, secretariat } = pair;
    ({ competitionId, draftCompetitionId } = pair);

    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Lingkup A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Lingkup B' });
    const unitA1 = await makeUnit(ctx.db, a.id, 'RSUD Lingkup');
    const unitA2 = await makeUnit(ctx.db, a.id, 'Kecamatan Lingkup');
    const unitB = await makeUnit(ctx.db, b.id);
    ids.institutionA = a.id;
    const made = {
      uppA1: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA1.id }),
      uppA2: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA2.id }),
      adminA: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id }),
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, { role: 'local_admin', institutionId: b.id }),
      secretariat,
      otherSecretariat: await makeUser(ctx.db, { role: 'secretariat', institutionId: otherOrganizer.id }),
      evaluator: await makeUser(ctx.db, { role: 'evaluator', competitionId }),
    };
    for (const [k, u] of Object.entries(made)) {
      ids[k] = u.id;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: who ? { cookie: cookie[who] } : {},
      payload,
    });

  let pA1: ProposalDetail;
  let pA2: ProposalDetail;
  let pB: ProposalDetail;

  it('numbers proposals per competition in creation order', async () => {
    const made = [];
    for (const [who, title] of [
      ['uppA1', 'Rumah Sakit Tanpa Antre'],
      ['uppA2', 'Kecamatan Melayani'],
      ['uppB', 'Inovasi Kota B'],
    ]) {
      const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'umum',
        title,
      });
      expect(res.statusCode).toBe(201);
      made.push(res.json() as ProposalDetail);
    }
    [pA1, pA2, pB] = made;
    expect(made.map((p) => p.code)).toEqual(['KIPP-2026-00001', 'KIPP-2026-00002', 'KIPP-2026-00003']);
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'proposal.created')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses to create for a non-proposer (403), an unknown group (400) or a draft competition (404)', async () => {
    const asAdmin = await call('adminA', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'X',
    });
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json().error.code).toBe('forbidden.missingRole');
    const unknown = await call('uppA1', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'tidak_ada',
      title: 'X',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.groupKey.code).toBe('unknown_group');
    const empty = await call('uppA1', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: '  ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.title).toBeDefined();
    const draft = await call('uppA1', 'POST', `/competitions/${draftCompetitionId}/proposals`, {
      groupKey: 'umum',
      title: 'X',
    });
    expect(draft.statusCode).toBe(404);
    const anonymous = await call(null, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'X',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for a proposal outside the caller scope', async () => {
    for (const who of ['uppA2', 'uppB', 'adminB', 'secretariat', 'otherSecretariat', 'evaluator']) {
      const res = await call(who, 'GET', `/proposals/${pA1.id}`);
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await call('uppA2', 'GET', `/proposals/${pA1.id}/revisions`)).statusCode).toBe(404);
    expect((await call('adminB', 'PATCH', `/proposals/${pA1.id}`, { version: 1 })).statusCode).toBe(404);
    expect((await call('adminB', 'POST', `/proposals/${pA1.id}/forward`)).statusCode).toBe(404);
    expect((await call(null, 'GET', `/proposals/${pA1.id}`)).statusCode).toBe(401);
    expect((await call('uppA1', 'GET', `/proposals/999999`)).statusCode).toBe(404);
  });

  it('refuses an autosave without a valid session, or before the profile is complete, and saves nothing', async () => {
    // The autosave resolves its session as every route does (platform/auth.ts).
    const version = async () =>
      (
        await ctx.db
          .selectFrom('proposals')
          .select('version')
          .where('id', '=', pA2.id)
          .executeTakeFirstOrThrow()
      ).version;
    const before = await version();
    const patch = (cookieHeader: string | null) =>
      ctx.app.inject({
        method: 'PATCH',
        url: `/api/proposals/${pA2.id}`,
        headers: cookieHeader ? { cookie: cookieHeader } : {},
        payload: { version: before, acronym: 'TIDAK' },
      });
    const noSession = await patch(null);
    expect(noSession.statusCode).toBe(401);
    expect(noSession.json().error.code).toBe('unauthenticated');
    const forged = cookie.uppA2.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await patch(forged)).statusCode).toBe(401);

    const sessionId = sha256(
      ctx.app.unsignCookie(decodeURIComponent(cookie.uppA2.split('=')[1])).value ?? '',
    );
    const row = await ctx.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('sessions')
      .set({ expires_at: NOW.toISOString() })
      .where('id', '=', sessionId)
      .execute();
    expect((await patch(cookie.uppA2)).statusCode).toBe(401);
    // An expired session is gone for good; a fresh one is made for the rest of the file.
    cookie.uppA2 = await sessionCookie(ctx, ids.uppA2);
    expect(row.expires_at > NOW.toISOString()).toBe(true);

    await ctx.db.updateTable('users').set({ must_complete_profile: 1 }).where('id', '=', ids.uppA2).execute();
    const incomplete = await patch(cookie.uppA2);
    expect(incomplete.statusCode).toBe(403);
    expect(incomplete.json().error.code).toBe('profile_incomplete');
    await ctx.db.updateTable('users').set({ must_complete_profile: 0 }).where('id', '=', ids.uppA2).execute();

    expect(await version()).toBe(before);
    const ok = await patch(cookie.uppA2);
    expect(ok.statusCode).toBe(200);
    expect(await version()).toBe(before + 1);
  });

  it('answers 403 for an action the role lacks on a proposal in scope', async () => {
    const edit = await call('adminA', 'PATCH', `/proposals/${pA1.id}`, { version: 1, acronym: 'X' });
    expect(edit.statusCode).toBe(403);
    const forward = await call('uppA1', 'POST', `/proposals/${pA1.id}/forward`);
    expect(forward.statusCode).toBe(403);
    const ret = await call('uppA1', 'POST', `/proposals/${pA1.id}/return`, { note: 'Catatan yang panjang.' });
    expect(ret.statusCode).toBe(403);
    const send = await call('adminA', 'POST', `/proposals/${pA1.id}/send`);
    expect(send.statusCode).toBe(403);
  });

  it('lists by scope: a UPP its unit, the admin lokal its institution with quotas; others 403', async () => {
    const list = async (who: string, query = '') => {
      const res = await call(who, 'GET', `/proposals${query}`);
      expect(res.statusCode).toBe(200);
      return res.json() as { items: { id: number }[]; quotas: { groupKey: string; used: number }[] };
    };
    expect((await list('uppA1')).items.map((x) => x.id)).toEqual([pA1.id]);
    expect((await list('uppA1')).quotas).toEqual([]);
    const admin = await list('adminA', `?competitionId=${competitionId}`);
    expect(admin.items.map((x) => x.id).sort()).toEqual([pA1.id, pA2.id].sort());
    expect(admin.quotas).toEqual([
      { competitionId, institutionId: ids.institutionA, groupKey: 'umum', used: 0, quota: 10 },
      { competitionId, institutionId: ids.institutionA, groupKey: 'replikasi', used: 0, quota: 5 },
      { competitionId, institutionId: ids.institutionA, groupKey: 'khusus', used: 0, quota: null },
    ]);
    expect((await list('adminA', '?state=sent_to_local_admin')).items).toEqual([]);
    expect((await list('adminA', '?groupKey=replikasi')).items).toEqual([]);
    expect((await list('adminB')).items.map((x) => x.id)).toEqual([pB.id]);
    expect((await list('secretariat')).items).toEqual([]);
    const evaluator = await call('evaluator', 'GET', '/proposals');
    expect(evaluator.statusCode).toBe(403);
    const bad = await call('adminA', 'GET', '/proposals?state=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses unknown sections and categories in an autosave with field messages, storing the rest', async () => {
    const res = await call('uppB', 'PATCH', `/proposals/${pB.id}`, {
      version: 1,
      acronym: 'IKB',
      categoryKey: 'tidak_ada',
      answers: [
        { sectionKey: 'ringkasan', text: 'Ringkas.' },
        { sectionKey: 'tidak_ada', text: 'x' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().rejected).sort()).toEqual(['categoryKey', 'sections.tidak_ada']);
    const row = await ctx.db
      .selectFrom('proposals')
      .select(['acronym', 'category_id', 'version'])
      .where('id', '=', pB.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ acronym: 'IKB', category_id: null, version: 2 });
    const d = (await call('uppB', 'GET', `/proposals/${pB.id}`)).json() as ProposalDetail;
    expect(d.answers.map((a) => [a.sectionKey, a.text])).toEqual([['ringkasan', 'Ringkas.']]);
  });

  it('coalesces autosaves into at most one revision per minute', async () => {
    const save = async (version: number, text: string) => {
      const res = await call('uppA1', 'PATCH', `/proposals/${pA1.id}`, {
        version,
        answers: [{ sectionKey: 'ringkasan', text }],
      });
      expect(res.statusCode).toBe(200);
      return res.json().version as number;
    };
    let v = await save(1, 'Versi satu.');
    ctx.clock.advance(20_000);
    v = await save(v, 'Versi dua.');
    ctx.clock.advance(20_000);
    v = await save(v, 'Versi tiga.');
    ctx.clock.advance(30_000);
    v = await save(v, 'Versi empat.');
    expect(v).toBe(5);

    const res = await call('adminA', 'GET', `/proposals/${pA1.id}/revisions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: number;
      kind: string;
      version: number;
      savedBy: { id: number };
    }[];
    expect(items.map((r) => [r.kind, r.version])).toEqual([
      ['autosave', 5],
      ['autosave', 4],
      ['transition', 1],
    ]);
    expect(items[0].savedBy.id).toBe(ids.uppA1);
    const older = await call('uppA1', 'GET', `/proposals/${pA1.id}/revisions/${items[1].id}`);
    expect(older.json().snapshot.answers).toEqual({ ringkasan: 'Versi tiga.' });
    // The open revision keeps no copy while typing goes on: it reads as the proposal itself, and the one
    // before it was written out, when the new one started, with its last save.
    const rows = await ctx.db
      .selectFrom('proposal_revisions')
      .select(['snapshot', 'version'])
      .where('proposal_id', '=', pA1.id)
      .orderBy('id', 'desc')
      .execute();
    expect(rows[0].snapshot).toBe('');
    expect(rows[1].version).toBe(4);
    expect(JSON.parse(rows[1].snapshot)).toMatchObject({ version: 4, answers: { ringkasan: 'Versi tiga.' } });
    const open = await call('uppA1', 'GET', `/proposals/${pA1.id}/revisions/${items[0].id}`);
    expect(open.json()).toMatchObject({
      version: 5,
      snapshot: { version: 5, answers: { ringkasan: 'Versi empat.' } },
    });
    const missing = await call('uppA1', 'GET', `/proposals/${pA1.id}/revisions/999999`);
    expect(missing.statusCode).toBe(404);
    const saved = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'proposal.saved')
      .where('entity_id', '=', String(pA1.id))
      .execute();
    expect(saved).toHaveLength(2);
  });

  it('refuses an invalid date or link shape while drafting with a field message, storing the rest', async () => {
    const res = await call('uppA1', 'PATCH', `/proposals/${pA1.id}`, {
      version: 5,
      implementationStart: '10/01/2022',
      links: [{ label: 'Video', url: 'video.example.id' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rejected.implementationStart.message.en).toBe('A date is written YYYY-MM-DD.');
    expect(res.json().rejected['links.0'].message.en).toBe('A link starts with http:// or https://.');
  });
});
