import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { preparedStats } from '../src/db/prepared.js';
import { autosaveProposal } from '../src/modules/proposals/commands/autosave-proposal.js';
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
  const userId: Record<string, number> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, { organizerName: 'Kementerian Kunci Judul', now: NOW }));
    for (const who of ['a', 'b']) {
      const inst = await makeInstitution(ctx.db, { name: `Pemerintah Kabupaten Kunci ${who.toUpperCase()}` });
      const unit = await makeUnit(ctx.db, inst.id, `Dinas Kunci ${who.toUpperCase()}`);
      const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
      cookie[who] = await sessionCookie(ctx, upp.id);
      userId[who] = upp.id;
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

  it('reads the claims on the title with the proposal: an autosave that keeps its title runs two statements, one that changes it three', async () => {
    const mine = await create('a', 'Klinik Pajak Keliling');
    const other = await create('b', 'Klinik Pajak Keliling Lain');
    await save('b', other, complete(other.form));
    expect((await call('b', 'POST', `/proposals/${other.id}/send`)).statusCode).toBe(200);
    // The first save starts the autosave revision (and its audit row); the next ones, by the same person in
    // the same minute, join it and write only the proposal.
    const first = await save('a', mine, complete(mine.form));
    const autosave = async (version: number, body: Record<string, unknown>) => {
      const before = preparedStats.runs;
      const r = await autosaveProposal(ctx.db, {
        id: mine.id,
        body: { version, ...body },
        actorUserId: userId.a,
        ip: null,
        now: NOW,
      });
      return { ...r, statements: preparedStats.runs - before };
    };
    // The view (with the claims on its key) and the update of the proposal row.
    const kept = await autosave(first.version, { acronym: 'KPK' });
    expect(kept.statements).toBe(2);
    expect(kept.completeness.missing.map((m) => m.code)).toEqual([]);
    // A new title: its claims are read on their own, and the duplicate is found.
    const renamed = await autosave(kept.version, { title: 'klinik pajak keliling lain' });
    expect(renamed.statements).toBe(3);
    expect(renamed.completeness.missing.map((m) => m.code)).toEqual(['duplicate_title']);
    // Saved again under that title: the view's claims (read for the new key) find it without a statement.
    const again = await autosave(renamed.version, { acronym: 'KPKL' });
    expect(again.statements).toBe(2);
    expect(again.completeness.missing.map((m) => m.code)).toEqual(['duplicate_title']);
  });
});
