import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';
import { pdfText } from './helpers/pdf.js';
import { oneProcess } from './helpers/scaled.js';

/*
 * PDFs and spreadsheets are made in a pool of worker threads, so that a few large exports do not freeze
 * everyone else's requests: 3,500 forwarded proposals (the size of a national KIPP) and one long proposal,
 * exported several times at once while the event loop's delay is measured; the files are read back; a
 * user's own limit and a full pool answer 429 with Retry-After.
 */

const ROWS = 3_500;
const NOW = new Date('2026-04-02T03:00:00.000Z');
const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 97} pelayanan warga desa`).join(' ');

describe('PDF and XLSX exports off the event loop', () => {
  let ctx: TestContext;
  let competitionId: number;
  let longId: number;
  let longCode: string;
  const cookies: string[] = [];
  const userIds: number[] = [];

  const get = (cookie: string, url: string) =>
    ctx.app.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } });
  const xlsxUrl = () => `/competitions/${competitionId}/proposals/export?format=xlsx&sort=code&dir=asc`;

  async function readXlsx(res: LightMyRequestResponse) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets[0];
  }

  beforeAll(async () => {
    ctx = await createTestApp({ env: { EXPORT_THREADS: '1', EXPORT_QUEUE: '16', EXPORT_PER_USER: '2' } });
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Ekspor Berat', now: NOW });
    competitionId = kipp.competitionId;
    for (let i = 0; i < 6; i++) {
      const u = await makeUser(ctx.db, { role: 'secretariat', institutionId: kipp.organizer.id });
      userIds.push(u.id);
      cookies.push(await sessionCookie(ctx, u.id));
    }
    const group = await ctx.db
      .selectFrom('competition_groups')
      .select('id')
      .where('competition_id', '=', competitionId)
      .where('key', '=', 'umum')
      .executeTakeFirstOrThrow();
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Ekspor', regionCode: '32.03' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Ekspor');
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const at = NOW.toISOString();
    for (let start = 0; start < ROWS; start += 500) {
      await ctx.db
        .insertInto('proposals')
        .values(
          Array.from({ length: Math.min(500, ROWS - start) }, (_, k) => {
            const i = start + k;
            return {
              competition_id: competitionId,
              code: `KIPP-2026-${String(i + 1).padStart(5, '0')}`,
              institution_id: inst.id,
              unit_id: unit.id,
              group_id: group.id,
              category_id: null,
              title: `Inovasi Layanan Nomor ${i + 1}`,
              title_key: null,
              acronym: `INO${i + 1}`,
              implementation_start: '2022-01-10',
              innovator_kind: 'team' as const,
              innovator_names: 'Tim Inovasi',
              contact_name: 'Sari',
              contact_phone: '0812',
              contact_email: 'sari@uji.go.id',
              links: '[]',
              declaration_accepted: 1,
              state: 'forwarded' as const,
              version: 1,
              created_by: upp.id,
              created_at: at,
              updated_at: at,
              sent_at: at,
              forwarded_at: at,
              received_at: null,
              returned_note: null,
              source_award_id: null,
            };
          }),
        )
        .execute();
    }
    // The long one: every section far over its limit (a PDF of many pages).
    const long = await ctx.db
      .selectFrom('proposals')
      .select(['id', 'code'])
      .where('code', '=', 'KIPP-2026-00001')
      .executeTakeFirstOrThrow();
    longId = long.id;
    longCode = long.code;
    const sections = await ctx.db
      .selectFrom('form_sections')
      .select(['id', 'key'])
      .where('group_id', '=', group.id)
      .execute();
    await ctx.db
      .insertInto('proposal_answers')
      .values(
        sections.map((s) => ({
          proposal_id: longId,
          section_id: s.id,
          text: words(1500, s.key),
          word_count: 6000,
          updated_at: at,
        })),
      )
      .execute();
  }, 120_000);
  afterAll(async () => ctx?.close());

  it('keeps the event loop free while large XLSX exports and long PDFs are made', async () => {
    // Warm up outside the measure: the pool's thread loads the PDF and XLSX code once, and both routes
    // run once in the main thread.
    expect((await get(cookies[5], `/proposals/${longId}/pdf`)).statusCode).toBe(200);
    expect((await get(cookies[5], xlsxUrl())).statusCode).toBe(200);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let healthSlowest = 0;
    let running = true;
    const health = (async () => {
      let n = 0;
      while (running) {
        const t = performance.now();
        const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(200);
        healthSlowest = Math.max(healthSlowest, performance.now() - t);
        n++;
        await new Promise((r) => setTimeout(r, 20));
      }
      return n;
    })();
    const answers = await Promise.all([
      get(cookies[0], xlsxUrl()),
      get(cookies[0], xlsxUrl()),
      get(cookies[1], xlsxUrl()),
      get(cookies[1], xlsxUrl()),
      get(cookies[2], `/proposals/${longId}/pdf`),
      get(cookies[2], `/proposals/${longId}/pdf`),
      get(cookies[3], `/proposals/${longId}/pdf`),
      get(cookies[3], `/proposals/${longId}/pdf`),
    ]);
    running = false;
    const pings = await health;
    delay.disable();
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
    expect(pings).toBeGreaterThan(3);
    const maxMs = delay.max / 1e6;
    // The longest the event loop was kept from a timer while all of that was made.
    expect({ maxMs: Math.round(maxMs), under: maxMs < 200 }).toMatchObject({ under: true });
    expect(healthSlowest).toBeGreaterThan(0);
  }, 120_000);

  it('makes an XLSX that exceljs reads back, every row in order', async () => {
    const res = await get(cookies[4], xlsxUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await readXlsx(res);
    expect(sheet.rowCount).toBe(ROWS + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Kode');
    expect(sheet.getRow(2).getCell(1).value).toBe('KIPP-2026-00001');
    expect(sheet.getRow(2).getCell(2).value).toBe('Inovasi Layanan Nomor 1');
    expect(sheet.getRow(ROWS + 1).getCell(1).value).toBe(`KIPP-2026-${String(ROWS).padStart(5, '0')}`);
    expect(sheet.getRow(ROWS + 1).getCell(8).value).toBe('Jawa Barat');
  });

  it('makes a PDF of the long proposal with its sections and page numbers', async () => {
    const res = await get(cookies[4], `/proposals/${longId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Inovasi Layanan Nomor 1');
    expect(text).toContain(longCode);
    expect(text).toContain('1. Ringkasan');
    expect(text).toMatch(/Halaman 1 dari \d+ \/ Page 1 of \d+/);
  });

  it('makes them on threads of lower priority than the event loop (Linux: nice per thread)', async () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the command in parentheses).
    const niceOf = (tid: string) => {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const nices = () => fs.readdirSync('/proc/self/task').map(niceOf);
    const res = await get(cookies[4], `/proposals/${longId}/pdf`);
    expect(res.statusCode).toBe(200);
    // The export thread (idle now, kept for a minute) runs at nice 10; this thread, the event loop's, at 0.
    const self = fs.readlinkSync('/proc/thread-self').split('/').pop()!;
    expect(niceOf(self)).toBe(0);
    expect(nices()).toContain(10);
  });

  it("answers 429 with Retry-After once a user's own limit is reached; another user is still served", async () => {
    // The per-user places are each process's own (its CPU): every request to the process that counts them.
    const viaA = oneProcess(ctx);
    const getA = (cookie: string, url: string) =>
      viaA({ method: 'GET', url: `/api${url}`, headers: { cookie } });
    const mine = [getA(cookies[0], xlsxUrl()), getA(cookies[0], xlsxUrl())];
    // Both of them admitted (running or queued) before the third is asked for.
    const deadline = Date.now() + 10_000;
    while (ctx.app.deps.exports.activeFor(userIds[0]) < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 2));
    const third = await getA(cookies[0], `/proposals/${longId}/pdf`);
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const body = third.json();
    expect(body.error.code).toBe('export_busy');
    expect(body.error.message.id).toMatch(/ekspor/i);
    expect(body.error.message.en).toMatch(/export/i);
    expect(body.error.retryAfter).toBe(Number(third.headers['retry-after']));
    const other = await getA(cookies[1], `/proposals/${longId}/pdf`);
    expect(other.statusCode).toBe(200);
    expect((await Promise.all(mine)).map((r) => r.statusCode)).toEqual([200, 200]);
    // The limit is free again once they are done.
    expect((await getA(cookies[0], `/proposals/${longId}/pdf`)).statusCode).toBe(200);
  }, 60_000);

  it('answers 429 when the pool and its queue are full, whoever asks', async () => {
    // A second server on the same database with one thread and one place in the queue.
    const small = await buildApp({
      config: { ...ctx.config, exportThreads: 1, exportQueue: 1, exportPerUser: 2 },
      db: ctx.db,
      clock: ctx.clock,
      logger: false,
    });
    try {
      const call = (cookie: string, url: string) =>
        small.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } });
      const first = [call(cookies[0], xlsxUrl()), call(cookies[1], xlsxUrl())];
      const deadline = Date.now() + 10_000;
      while (small.deps.exports.active() < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 2));
      const refused = await call(cookies[2], `/proposals/${longId}/pdf`);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('export_busy');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await Promise.all(first)).map((r) => r.statusCode)).toEqual([200, 200]);
      expect((await call(cookies[2], `/proposals/${longId}/pdf`)).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  }, 60_000);
});
