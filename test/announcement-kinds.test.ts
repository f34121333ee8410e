import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAnnouncement } from '../src/modules/announcements/publish.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { publishedKipp } from './helpers/fixtures.js';
import { stageOf } from './helpers/judging.js';
import { pdfText } from './helpers/pdf.js';

/*
 * The announcement letter works for every kind a stage publishes (issue 12 point 9): the finalists' lists
 * (`finalists_provisional`, `finalists_final`, published by the finalists through the same
 * insertAnnouncement) are read and printed like the administrative results, each with its own heading;
 * an unknown kind is refused by name (400).
 */

describe('announcements of every published kind', () => {
  let ctx: TestContext;
  let competitionId: number;
  const get = (url: string) => ctx.app.inject({ method: 'GET', url: `/api${url}` });

  beforeAll(async () => {
    ctx = await createTestApp();
    const kipp = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Finalis',
      now: new Date('2026-03-01T00:00:00Z'),
    });
    competitionId = kipp.competitionId;
    const stage = await stageOf(ctx.db, competitionId, 'finalists');
    const entries = [
      {
        code: 'FIN-001',
        title: 'Inovasi Finalis Pertama',
        institution: 'Pemerintah Kota Satu',
        group: { id: 'Umum', en: 'General' },
      },
      {
        code: 'FIN-002',
        title: 'Inovasi Finalis Kedua',
        institution: 'Pemerintah Kabupaten Dua',
        group: { id: 'Umum', en: 'General' },
      },
    ];
    for (const [kind, letter] of [
      ['finalists_provisional', 'B/201/PP.00.05/2026'],
      ['finalists_final', 'B/305/PP.00.05/2026'],
    ] as const)
      await insertAnnouncement(ctx.db, {
        competitionId,
        stageId: stage.id,
        kind,
        body: {
          letterNumber: letter,
          titleId: `Pengumuman ${kind}`,
          titleEn: `Announcement ${kind}`,
          bodyId: 'Berikut daftar finalis.',
          bodyEn: 'The finalists follow.',
        },
        entries: kind === 'finalists_final' ? entries.slice(0, 1) : entries,
        actorUserId: kipp.secretariat.id,
        now: new Date('2026-08-01T03:00:00Z'),
      });
  });
  afterAll(() => ctx.close());

  it('reads and prints the provisional finalists', async () => {
    const base = `/competitions/${competitionId}/announcements/finalists_provisional`;
    const page = await get(base);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().rows.map((r: { code: string }) => r.code)).toEqual(['FIN-001', 'FIN-002']);
    const pdf = await get(`${base}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('pengumuman-finalists_provisional-2026.pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Nomor / Number: B/201/PP.00.05/2026');
    expect(text).toContain('Daftar finalis sementara (2) / Provisional finalists');
    expect(text).toContain('FIN-002');
  });

  it('reads and prints the final finalists', async () => {
    const base = `/competitions/${competitionId}/announcements/finalists_final`;
    expect((await get(base)).statusCode).toBe(200);
    const pdf = await get(`${base}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Nomor / Number: B/305/PP.00.05/2026');
    expect(text).toContain('Daftar finalis (1) / Finalists');
    expect(text).not.toContain('FIN-002');
  });

  it('refuses an unknown kind by name, and a kind not yet published answers 404', async () => {
    const bad = await get(`/competitions/${competitionId}/announcements/pemenang/pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.kind).toBeDefined();
    const none = await get(`/competitions/${competitionId}/announcements/administrative_results/pdf`);
    expect(none.statusCode).toBe(404);
  });
});
