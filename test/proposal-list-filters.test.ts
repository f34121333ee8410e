import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalStateValue } from '../src/db/schema.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/** Inside the template's submission stage of KIPP 2026. */
const T1 = new Date('2026-04-01T03:00:00.000Z');

/*
 * The proposal list's filters (issue 11): several states at once (what needs the admin lokal), a unit, a
 * group, a search by title or code; on the server, paged, and always within the caller's scope.
 */
describe('GET /proposals filters and search', () => {
  let ctx: TestContext;
  const cookie: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let unit1: number;
  let unit2: number;
  let codeOf: Record<string, string> = {};

  const list = async (who: string, query: string) => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/proposals?${query}`,
      headers: { cookie: cookie[who] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: number; code: string }[]; total: number };
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return { names: body.items.map((p) => names[p.id]).sort(), total: body.total, items: body.items };
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(T1);
    const { competitionId, secretariat } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Saring',
      now: T1,
    });
    const elsewhere = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian Lain' });
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Saring' });
    const other = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Lain' });
    unit1 = (await makeUnit(ctx.db, inst.id, 'Dinas Kesehatan Saring')).id;
    unit2 = (await makeUnit(ctx.db, inst.id, 'Dinas Pendidikan Saring')).id;
    const unitOther = (await makeUnit(ctx.db, other.id)).id;
    const users = {
      upp1: await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit1 }),
      upp2: await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit2 }),
      uppOther: await makeUser(ctx.db, { role: 'upp', institutionId: other.id, unitId: unitOther }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id }),
      secretariat,
      secretariatElsewhere: await makeUser(ctx.db, { role: 'secretariat', institutionId: elsewhere.id }),
    };
    for (const [k, u] of Object.entries(users)) cookie[k] = await sessionCookie(ctx, u.id);
    const made: [name: string, who: string, group: string, title: string, state: ProposalStateValue][] = [
      ['draft1', 'upp1', 'umum', 'Posyandu Keliling', 'draft'],
      ['sent1', 'upp1', 'umum', 'Antar Obat ke Rumah', 'sent_to_local_admin'],
      ['sent2', 'upp2', 'replikasi', 'Sekolah Terbuka Malam', 'sent_to_local_admin'],
      ['withdrawn2', 'upp2', 'umum', 'Beasiswa Anak Nelayan', 'withdrawn'],
      ['forwarded1', 'upp1', 'umum', 'Klinik Sore Warga', 'forwarded'],
      ['sentOther', 'uppOther', 'umum', 'Antar Obat Kabupaten Lain', 'sent_to_local_admin'],
      ['forwardedOther', 'uppOther', 'umum', 'Zebra Cross Sekolah', 'forwarded'],
    ];
    for (const [name, who, groupKey, title, state] of made) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/competitions/${competitionId}/proposals`,
        headers: { cookie: cookie[who] },
        payload: { groupKey, title },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
      // The workflow is tested elsewhere; here only the state the list filters on matters.
      await ctx.db.updateTable('proposals').set({ state }).where('id', '=', ids[name]).execute();
    }
    const rows = await ctx.db.selectFrom('proposals').select(['id', 'code']).execute();
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    codeOf = Object.fromEntries(rows.map((r) => [names[r.id], r.code]));
  });
  afterAll(async () => ctx?.close());

  it('lists what needs the admin lokal (sent and withdrawn) of their own institution only, with the count', async () => {
    const r = await list('admin', 'state=sent_to_local_admin,withdrawn');
    expect(r.names).toEqual(['sent1', 'sent2', 'withdrawn2']);
    expect(r.total).toBe(3);
    expect((await list('admin', 'state=draft')).names).toEqual(['draft1']);
  });

  it('filters by unit, by group, and by both with a state', async () => {
    expect((await list('admin', `unitId=${unit2}`)).names).toEqual(['sent2', 'withdrawn2']);
    expect((await list('admin', 'groupKey=replikasi')).names).toEqual(['sent2']);
    expect((await list('admin', `unitId=${unit1}&state=sent_to_local_admin,withdrawn`)).names).toEqual([
      'sent1',
    ]);
  });

  it('searches the title (any case) and the code', async () => {
    expect((await list('admin', 'q=antar%20OBAT')).names).toEqual(['sent1']);
    expect((await list('admin', `q=${encodeURIComponent(codeOf.sent2!)}`)).names).toEqual(['sent2']);
  });

  it("searches the unit's and the institution's names", async () => {
    expect((await list('admin', 'q=pendidikan%20SARING')).names).toEqual(['sent2', 'withdrawn2']);
    expect((await list('secretariat', 'q=kabupaten%20lain')).names).toEqual(['forwardedOther']);
  });

  it("gives the organizer's secretariat what was forwarded to it, sorted by institution either way", async () => {
    const asc = await list('secretariat', 'sort=institution&dir=asc');
    expect(asc.items.map((p) => p.id)).toEqual([ids.forwardedOther, ids.forwarded1]);
    const desc = await list('secretariat', 'sort=institution&dir=desc');
    expect(desc.items.map((p) => p.id)).toEqual([ids.forwarded1, ids.forwardedOther]);
    expect((await list('secretariatElsewhere', '')).names).toEqual([]);
  });

  it('pages on the server, the total counting every match', async () => {
    const page1 = await list('admin', 'state=sent_to_local_admin,withdrawn&pageSize=2&page=1');
    const page2 = await list('admin', 'state=sent_to_local_admin,withdrawn&pageSize=2&page=2');
    expect([page1.items.length, page2.items.length, page1.total, page2.total]).toEqual([2, 1, 3, 3]);
    expect([...page1.names, ...page2.names].sort()).toEqual(['sent1', 'sent2', 'withdrawn2']);
  });

  it("keeps the scope: a UPP asking for another unit's proposals gets none", async () => {
    expect((await list('upp1', `unitId=${unit2}`)).names).toEqual([]);
    expect((await list('upp1', '')).names).toEqual(['draft1', 'forwarded1', 'sent1']);
  });

  it('refuses an unknown state and a bad unit with 400, naming the field', async () => {
    for (const query of ['state=sent_to_local_admin,nonsense', 'unitId=abc']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/proposals?${query}`,
        headers: { cookie: cookie.admin },
      });
      expect([query, res.statusCode]).toEqual([query, 400]);
      expect(Object.keys(res.json().error.fields)[0]).toMatch(/^(state|unitId)/);
    }
  });
});
