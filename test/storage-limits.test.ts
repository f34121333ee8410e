import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../src/seed/sample-pdf.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { multipartForm } from './helpers/multipart.js';

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const MIB = 1024 * 1024;
/** A PDF of exactly `size` bytes, distinct per `note`. */
const pdfOf = (size: number, note: string) => {
  const head = samplePdf(note);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
};

describe('caps per competition: open drafts per unit, evidence per institution', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, { organizerName: 'Kementerian Batas', now: NOW }));
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Batas A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Batas B' });
    const unitA1 = await makeUnit(ctx.db, a.id);
    const unitA2 = await makeUnit(ctx.db, a.id);
    const unitB = await makeUnit(ctx.db, b.id);
    for (const [k, inst, unit] of [
      ['a1', a, unitA1],
      ['a2', a, unitA2],
      ['b', b, unitB],
    ] as const) {
      const u = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  /** Test setup: the organizer's settings, written directly. */
  const setLimits = async (limits: Record<string, number>) => {
    const row = await ctx.db
      .selectFrom('competitions')
      .select('settings')
      .where('id', '=', competitionId)
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('competitions')
      .set({ settings: JSON.stringify({ ...JSON.parse(row.settings), ...limits }) })
      .where('id', '=', competitionId)
      .execute();
  };
  const create = (who: string, title: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie: cookie[who] },
      payload: { groupKey: 'umum', title },
    });
  const upload = (who: string, proposalId: number, content: Buffer) => {
    const body = multipartForm({}, [{ field: 'file', name: 'bukti.pdf', content }]);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie: cookie[who], ...body.headers },
      payload: body.payload,
    });
  };

  it('has defaults from the KIPP quota: 15 open drafts per unit, 2048 MB per institution', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}`,
      headers: { cookie: cookie.a1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({
      maxOpenDraftsPerUnit: 15,
      maxInstitutionStorageMb: 2048,
    });
  });

  it('refuses a draft past the unit limit with 409 open_drafts_limit naming the limit', async () => {
    await setLimits({ maxOpenDraftsPerUnit: 2 });
    expect((await create('a1', 'Inovasi Satu')).statusCode).toBe(201);
    expect((await create('a1', 'Inovasi Dua')).statusCode).toBe(201);
    const third = await create('a1', 'Inovasi Tiga');
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('open_drafts_limit');
    expect(third.json().error.message.id).toContain('batas 2');
    expect(third.json().error.message.en).toContain('limit 2');
    // Another unit of the same institution has its own count.
    expect((await create('a2', 'Inovasi Unit Lain')).statusCode).toBe(201);
    const drafts = await ctx.db
      .selectFrom('proposals')
      .select('title')
      .where('title', '=', 'Inovasi Tiga')
      .execute();
    expect(drafts).toEqual([]);
    await setLimits({ maxOpenDraftsPerUnit: 15 });
  });

  it('refuses evidence past the institution limit with 409 institution_storage_full, across its proposals', async () => {
    await setLimits({ maxInstitutionStorageMb: 1 });
    const p1 = (await create('a1', 'Inovasi Berkas Satu')).json().id as number;
    const p2 = (await create('a2', 'Inovasi Berkas Dua')).json().id as number;
    const pb = (await create('b', 'Inovasi Instansi Lain')).json().id as number;
    expect((await upload('a1', p1, pdfOf(0.6 * MIB, 'satu'))).statusCode).toBe(201);
    const full = await upload('a2', p2, pdfOf(0.6 * MIB, 'dua'));
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('institution_storage_full');
    expect(full.json().error.message.id).toContain('batas 1 MB');
    expect(full.json().error.message.en).toContain('1 MB limit');
    // What still fits is taken; another institution has its own room.
    expect((await upload('a2', p2, pdfOf(0.3 * MIB, 'kecil'))).statusCode).toBe(201);
    expect((await upload('b', pb, pdfOf(0.6 * MIB, 'lain'))).statusCode).toBe(201);
    const files = await ctx.db.selectFrom('files').select('size').execute();
    expect(files).toHaveLength(3);
  });

  it('refuses settings out of range with a field problem', async () => {
    const admin = await makeUser(ctx.db, { role: 'system_admin' });
    const adminCookie = await sessionCookie(ctx, admin.id);
    const got = await ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}`,
      headers: { cookie: adminCookie },
    });
    const definition = got.json();
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/competitions/${competitionId}`,
      headers: { cookie: adminCookie },
      payload: {
        ...definition,
        settings: { ...definition.settings, maxOpenDraftsPerUnit: 0, maxInstitutionStorageMb: 10 },
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toMatchObject({
      'settings.maxOpenDraftsPerUnit': { code: 'out_of_range' },
      'settings.maxInstitutionStorageMb': { code: 'below_proposal_limit' },
    });
  });
});
