import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');

const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];
const LINK_MESSAGE = {
  id: 'Tautan harus diawali http:// atau https://.',
  en: 'A link starts with http:// or https://.',
};

describe('autosave: one bad field never loses the others', () => {
  let ctx: TestContext;
  let competitionId: number;
  let cookie: string;
  let p: ProposalDetail;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Sebagian', now: NOW });
    competitionId = kipp.competitionId;
    const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Sebagian' });
    const unit = await makeUnit(ctx.db, inst.id, 'Dinas Sebagian');
    const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    cookie = await sessionCookie(ctx, upp.id);
  });
  afterAll(async () => ctx.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });
  const detail = async () => (await call('GET', `/proposals/${p.id}`)).json() as ProposalDetail;

  it('stores the eight answers, keeps the stored link, and refuses only the link with its message', async () => {
    p = (
      await call('POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'umum',
        title: 'Layanan Sebagian',
      })
    ).json() as ProposalDetail;
    const first = await call('PATCH', `/proposals/${p.id}`, {
      version: p.version,
      acronym: 'LASE',
      links: [{ label: 'Standar pelayanan', url: 'https://layanan.example.id/standar' }],
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().rejected).toEqual({});

    const res = await call('PATCH', `/proposals/${p.id}`, {
      version: first.json().version,
      acronym: 'LASE',
      links: [
        { label: 'Standar pelayanan', url: 'layanan.example.id/standar-baru' },
        { label: 'Video', url: 'https://video.example.id/sebagian' },
      ],
      answers: UMUM_SECTIONS.map((k) => ({ sectionKey: k, text: `Jawaban ${k} yang tersimpan.` })),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toBe(first.json().version + 1);
    expect(body.rejected).toEqual({ 'links.0': { code: 'invalid_format', message: LINK_MESSAGE } });
    // The checklist sees the eight answers: no section is empty any more.
    expect(body.completeness.missing.filter((m: { code: string }) => m.code === 'section_empty')).toEqual([]);

    const d = await detail();
    expect(Object.fromEntries(d.answers.map((a) => [a.sectionKey, a.text]))).toEqual(
      Object.fromEntries(UMUM_SECTIONS.map((k) => [k, `Jawaban ${k} yang tersimpan.`])),
    );
    // The refused link keeps the value stored before; the valid one beside it is stored.
    expect(d.links).toEqual([
      { label: 'Standar pelayanan', url: 'https://layanan.example.id/standar' },
      { label: 'Video', url: 'https://video.example.id/sebagian' },
    ]);
    expect(d.acronym).toBe('LASE');
    // Any browser that opens the proposal sees what was refused, as typed, with the reason.
    expect(d.rejected).toEqual({
      'links.0': {
        code: 'invalid_format',
        message: LINK_MESSAGE,
        value: { label: 'Standar pelayanan', url: 'layanan.example.id/standar-baru' },
      },
    });
    // Sending now would drop what was typed: the checklist names the refused field.
    expect(d.completeness.missing).toContainEqual(
      expect.objectContaining({ kind: 'incomplete', code: 'field_rejected', field: 'links.0' }),
    );
  });

  it('refuses each bad field alone with a stable code and stores the rest; a good value clears the refusal', async () => {
    const before = await detail();
    const res = await call('PATCH', `/proposals/${p.id}`, {
      version: before.version,
      title: '',
      implementationStart: '10/01/2022',
      categoryKey: 'tidak_ada',
      contactName: 'Sari Narahubung',
      answers: [
        { sectionKey: 'ringkasan', text: 'Ringkasan baru.' },
        { sectionKey: 'bukan_bagian', text: 'x' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const rejected = res.json().rejected;
    expect(Object.keys(rejected).sort()).toEqual([
      'categoryKey',
      'implementationStart',
      'sections.bukan_bagian',
      'title',
    ]);
    expect(rejected.implementationStart).toEqual({
      code: 'invalid_format',
      message: { id: 'Tanggal ditulis TTTT-BB-HH.', en: 'A date is written YYYY-MM-DD.' },
    });
    expect(rejected.categoryKey.code).toBe('unknown_category');
    expect(rejected['sections.bukan_bagian'].code).toBe('unknown_section');
    expect(rejected.title.code).toBe('required');
    const d = await detail();
    expect(d.title).toBe('Layanan Sebagian');
    expect(d.contactName).toBe('Sari Narahubung');
    expect(d.answers.find((a) => a.sectionKey === 'ringkasan')?.text).toBe('Ringkasan baru.');
    // Fields not sent in this save keep their refusal (the link, from before); a section the form does not
    // have is answered but not kept.
    expect(Object.keys(d.rejected).sort()).toEqual([
      'categoryKey',
      'implementationStart',
      'links.0',
      'title',
    ]);

    const fixed = await call('PATCH', `/proposals/${p.id}`, {
      version: d.version,
      title: 'Layanan Sebagian Baru',
      implementationStart: '2022-10-01',
      categoryKey: null,
      links: [{ label: 'Standar pelayanan', url: 'https://layanan.example.id/standar-baru' }],
      answers: [{ sectionKey: 'ringkasan', text: 'Ringkasan baru.' }],
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().rejected).toEqual({});
    const after = await detail();
    expect(after.rejected).toEqual({});
    expect(after.title).toBe('Layanan Sebagian Baru');
    expect(after.links).toEqual([
      { label: 'Standar pelayanan', url: 'https://layanan.example.id/standar-baru' },
    ]);
    expect(after.completeness.missing.some((m) => m.code === 'field_rejected')).toBe(false);
  });

  it('keeps the structural refusals: no version 400, a stale version 409, another id 404', async () => {
    const d = await detail();
    const noVersion = await call('PATCH', `/proposals/${p.id}`, { title: 'Tanpa versi' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.fields.version.code).toBe('required');
    const stale = await call('PATCH', `/proposals/${p.id}`, {
      version: d.version - 1,
      links: [{ label: 'Video', url: 'video' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const missing = await call('PATCH', `/proposals/999999`, { version: 1, links: 'x' });
    expect(missing.statusCode).toBe(404);
    expect((await detail()).version).toBe(d.version);
  });

  it('refuses a whole list that is not one, and a value of the wrong type, without a 500', async () => {
    const d = await detail();
    const res = await call('PATCH', `/proposals/${p.id}`, {
      version: d.version,
      links: 'https://layanan.example.id',
      answers: { ringkasan: 'x' },
      declarationAccepted: 'ya',
      acronym: 42,
      contactPhone: '0812 3456 7890',
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().rejected).sort()).toEqual([
      'acronym',
      'answers',
      'declarationAccepted',
      'links',
    ]);
    const after = await detail();
    expect(after.contactPhone).toBe('0812 3456 7890');
    expect(after.links).toEqual(d.links);
    expect(after.acronym).toBe('LASE');
  });
});
