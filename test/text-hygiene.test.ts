import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { minimalPdf, multipartForm } from './helpers/multipart.js';

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
/** NUL, a C0 control, bidi overrides and isolates, zero-width characters and a decomposed "é". */
const DIRTY =
  'In\u0000ova\u0007si \u202eKafe\u202c Caf' + 'e\u0301' + ' \u2066X\u2069\u200b\u200d\u2060\ufeff';
const CLEAN = 'Inovasi Kafe Café X';

describe('typed text is stored clean (NFC, no control, bidi or zero-width characters)', () => {
  let ctx: TestContext;
  let competitionId: number;
  let cookie: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    ({ competitionId } = await publishedKipp(ctx.db, { organizerName: 'Kementerian Bersih', now: NOW }));
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Bersih' });
    const unit = await makeUnit(ctx.db, inst.id);
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    cookie = await sessionCookie(ctx, upp.id);
  });
  afterAll(async () => ctx.close());

  const stored = async (id: number) =>
    ctx.db
      .selectFrom('proposals')
      .select(['title', 'acronym', 'contact_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('cleans a title when a draft is created and when it is saved, and keeps the lines of an answer', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie },
      payload: { groupKey: 'umum', title: DIRTY },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect((await stored(id)).title).toBe(CLEAN);

    const answer = 'Baris pertama\u200b.\nBaris kedua\u202e.\n\n\tBaris ketiga.\r\nBaris keempat.';
    const saved = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/proposals/${id}`,
      headers: { cookie },
      payload: {
        version: created.json().version,
        title: `${DIRTY} 2`,
        acronym: 'SI\u200bNO\u0000VIK',
        contactName: 'Rina\u202e Wulan\ufeffdari',
        answers: [{ sectionKey: 'ringkasan', text: answer }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await stored(id)).toEqual({
      title: `${CLEAN} 2`,
      acronym: 'SINOVIK',
      contact_name: 'Rina Wulandari',
    });
    const row = await ctx.db
      .selectFrom('proposal_answers as a')
      .innerJoin('form_sections as s', 's.id', 'a.section_id')
      .select('a.text')
      .where('a.proposal_id', '=', id)
      .where('s.key', '=', 'ringkasan')
      .executeTakeFirstOrThrow();
    expect(row.text).toBe('Baris pertama.\nBaris kedua.\n\n\tBaris ketiga.\nBaris keempat.');
  });

  it('cleans an uploaded file name', async () => {
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${competitionId}/proposals`,
      headers: { cookie },
      payload: { groupKey: 'umum', title: 'Inovasi Berkas' },
    });
    const id = created.json().id as number;
    const body = multipartForm({}, [
      { field: 'file', name: 'laporan\u202e\u200bfdp.exe\u0301.pdf', content: minimalPdf('nama') },
    ]);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${id}/attachments`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = await ctx.db.selectFrom('files').select('original_name').executeTakeFirstOrThrow();
    expect(file.original_name).toBe('laporanfdp.ex\u00e9.pdf');
  });
});
