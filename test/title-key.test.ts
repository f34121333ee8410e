import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/*
 * proposals.title_key: the duplicate-title rule looks up only the proposals whose normalized title matches
 * (instead of every proposal of the competition on each autosave). The key follows every title change, and
 * a row whose key is not known (null) is still compared.
 */
const NOW = new Date('2026-04-01T03:00:00.000Z');

describe('duplicate titles by the stored title key', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, { organizerName: 'Kementerian Kunci Judul', now: NOW }));
    for (const who of ['a', 'b']) {
      const inst = await makeInstitution(ctx.db, { name: `Pemerintah Kabupaten Kunci ${who.toUpperCase()}` });
      const unit = await makeUnit(ctx.db, inst.id, `Dinas Kunci ${who.toUpperCase()}`);
      const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
      cookie[who] = await sessionCookie(ctx, upp.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const keyOf = async (id: number) =>
    (await ctx.db.selectFrom('proposals').select('title_key').where('id', '=', id).executeTakeFirstOrThrow())
      .title_key;
  const create = async (who: string, title: string): Promise<ProposalDetail> => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    // The supporting document the group requires (seed 003), uploaded with the draft.
    await uploadRequiredEvidence(ctx.app, cookie[who], res.json().id);
    return res.json();
  };
  const save = async (who: string, p: { id: number; version: number }, over: Record<string, unknown>) => {
    const res = await call(who, 'PATCH', `/proposals/${p.id}`, { version: p.version, ...over });
    expect(res.statusCode).toBe(200);
    return res.json() as { version: number; completeness: { missing: { code: string }[] } };
  };
  const complete = (form: ProposalDetail['form']) => ({
    acronym: 'KUNCI',
    categoryKey: 'tata_kelola_pemerintahan',
    implementationStart: '2023-01-10',
    innovatorKind: 'team',
    innovatorNames: 'Tim Inovasi',
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: 'sari@kunci.go.id',
    declarationAccepted: true,
    answers: form.map((s) => ({ sectionKey: s.key, text: `Jawaban ${s.key}: petugas melayani warga.` })),
  });

  it('stores the normalized title at create and at every title change, and finds a duplicate made by a rename', async () => {
    const first = await create('a', 'Layanan Jemput Bola [Adminduk]');
    expect(await keyOf(first.id)).toBe('layananjemputbola');
    await save('a', first, complete(first.form));
    expect((await call('a', 'POST', `/proposals/${first.id}/send`)).statusCode).toBe(200);

    const second = await create('b', 'Judul Lain Sama Sekali');
    const filled = await save('b', second, complete(second.form));
    expect(filled.completeness.missing.map((m) => m.code)).toEqual([]);
    const renamed = await save(
      'b',
      { id: second.id, version: filled.version },
      { title: 'LAYANAN jemput-bola' },
    );
    expect(await keyOf(second.id)).toBe('layananjemputbola');
    expect(renamed.completeness.missing.map((m) => m.code)).toEqual(['duplicate_title']);
  });

  it('still compares a sent proposal whose key is not known (null)', async () => {
    const first = await create('a', 'Pasar Desa Daring');
    await save('a', first, complete(first.form));
    expect((await call('a', 'POST', `/proposals/${first.id}/send`)).statusCode).toBe(200);
    await ctx.db.updateTable('proposals').set({ title_key: null }).where('id', '=', first.id).execute();

    const second = await create('b', 'pasar desa daring!');
    const res = await save('b', second, complete(second.form));
    expect(res.completeness.missing.map((m) => m.code)).toEqual(['duplicate_title']);
  });
});
