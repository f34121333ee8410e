import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import type { ChangesSinceReturn, CompareResponse } from '../src/contracts/proposal-versions.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];
const NOTE = 'Lengkapi data dukung signifikansi dan perbaiki judul.';

interface Item {
  id: number;
  number: number;
  kind: string;
  action: string | null;
  note: string | null;
  savedBy: { name: string } | null;
}

describe('proposal versions: numbered history, one version opened, two compared, changes since the return', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  let p: ProposalDetail;
  let other: ProposalDetail;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian PANRB Versi', now: NOW });
    competitionId = kipp.competitionId;
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Versi A' });
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan Versi');
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Versi B' });
    const unitB = await makeUnit(ctx.db, b.id);
    const made = {
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id, name: 'Sari UPP' }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id, name: 'Admin Lokal A' }),
      secretariat: kipp.secretariat,
      uppB: await makeUser(ctx.db, { role: 'upp', institutionId: b.id, unitId: unitB.id }),
      adminB: await makeUser(ctx.db, { role: 'local_admin', institutionId: b.id }),
    };
    for (const [k, u] of Object.entries(made)) cookie[k] = await sessionCookie(ctx, u.id);
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });
  const fields = (version: number) => ({
    version,
    acronym: 'JEBOL',
    categoryKey: 'tata_kelola_pemerintahan',
    implementationStart: '2022-01-10',
    innovatorKind: 'team',
    innovatorNames: 'Tim Disdukcapil',
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: 'sari@versi.go.id',
    links: [{ label: 'Video', url: 'https://video.example.id/jebol' }],
    declarationAccepted: true,
    answers: SECTIONS.map((sectionKey) => ({
      sectionKey,
      text: `Jawaban bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
    })),
  });
  const items = async (who: string, id = p.id) => {
    const res = await call(who, 'GET', `/proposals/${id}/revisions`);
    expect(res.statusCode).toBe(200);
    return res.json().items as Item[];
  };

  it('a proposal sent, returned with a note and sent again', async () => {
    const created = await call('upp', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'Jemput Bola Adminduk',
    });
    expect(created.statusCode).toBe(201);
    p = created.json();
    expect((await call('upp', 'PATCH', `/proposals/${p.id}`, fields(p.version))).statusCode).toBe(200);
    await uploadRequiredEvidence(ctx.app, cookie.upp, p.id);
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);
    expect((await call('admin', 'POST', `/proposals/${p.id}/return`, { note: NOTE })).statusCode).toBe(200);

    // Returned, not yet sent again: nothing to show the admin lokal yet.
    const before = await call('admin', 'GET', `/proposals/${p.id}/changes-since-return`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ change: null });

    // Two minutes later (a new autosave entry), the unit changes the title and one section, then resends.
    ctx.clock.freeze(new Date(NOW.getTime() + 120_000));
    const version = (await call('upp', 'GET', `/proposals/${p.id}`)).json().version;
    const edit = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version,
      title: 'Jemput Bola Adminduk Desa Terpencil',
      answers: [{ sectionKey: 'signifikansi', text: 'Waktu layanan turun dari 14 hari menjadi 1 hari.' }],
    });
    expect(edit.statusCode).toBe(200);
    expect((await call('upp', 'POST', `/proposals/${p.id}/send`)).statusCode).toBe(200);

    const o = await call('uppB', 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title: 'Proposal instansi lain',
    });
    expect(o.statusCode).toBe(201);
    other = o.json();
  });

  it('numbers the history 1..N without gaps, newest first, and carries the return note on the return', async () => {
    const list = await items('admin');
    expect(list.map((r) => r.number)).toEqual(list.map((_, i) => list.length - i));
    expect(list.map((r) => (r.kind === 'autosave' ? 'autosave' : r.action))).toEqual([
      'send',
      'autosave',
      'return',
      'send',
      'autosave',
      'create',
    ]);
    expect(list.find((r) => r.action === 'return')).toMatchObject({
      note: NOTE,
      savedBy: { name: 'Admin Lokal A' },
    });
    expect(list.filter((r) => r.action !== 'return').every((r) => r.note === null)).toBe(true);
  });

  it('opens any version: the whole proposal as it was, with its number', async () => {
    const list = await items('upp');
    const created = list.at(-1)!;
    const res = await call('upp', 'GET', `/proposals/${p.id}/revisions/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      number: 1,
      action: 'create',
      snapshot: { title: 'Jemput Bola Adminduk', state: 'draft', answers: {} },
    });
  });

  it('compares two versions word by word: only what changed is marked changed', async () => {
    const list = await items('upp');
    const firstSend = list.filter((r) => r.action === 'send').at(-1)!;
    const resend = list[0]!;
    const res = await call(
      'upp',
      'GET',
      `/proposals/${p.id}/revisions/compare?from=${firstSend.id}&to=${resend.id}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json() as CompareResponse;
    expect(body.from.id).toBe(firstSend.id);
    expect(body.to.id).toBe(resend.id);
    const title = body.diff.fields.find((f) => f.key === 'title')!;
    expect(title).toEqual({
      key: 'title',
      changed: true,
      parts: [
        { op: 'same', text: 'Jemput Bola Adminduk' },
        { op: 'ins', text: ' Desa Terpencil' },
      ],
    });
    expect(body.diff.answers.filter((s) => s.changed).map((s) => s.key)).toEqual(['signifikansi']);
    expect(body.diff.answers.map((s) => s.key)).toEqual(SECTIONS);
    expect(body.diff.changedCount).toBe(2);
  });

  it('shows the admin lokal what changed since the return: the note and the diff of the resent version', async () => {
    const res = await call('admin', 'GET', `/proposals/${p.id}/changes-since-return`);
    expect(res.statusCode).toBe(200);
    const { change } = res.json() as ChangesSinceReturn;
    expect(change).not.toBeNull();
    expect(change!.note).toBe(NOTE);
    expect(change!.returned).toMatchObject({ action: 'return', savedBy: { name: 'Admin Lokal A' } });
    expect(change!.resent).toMatchObject({ action: 'send', savedBy: { name: 'Sari UPP' } });
    expect(change!.diff.changedCount).toBe(2);
    const section = change!.diff.answers.find((s) => s.key === 'signifikansi')!;
    const read = (skip: string) =>
      section.parts
        .filter((x) => x.op !== skip)
        .map((x) => x.text)
        .join('');
    expect(read('ins')).toBe('Jawaban bagian signifikansi: petugas datang ke desa untuk melayani warga.');
    expect(read('del')).toBe('Waktu layanan turun dari 14 hari menjadi 1 hari.');
    expect(section.parts.some((x) => x.op === 'same')).toBe(true);
  });

  it("another institution's admin lokal and UPP get 404 for the history, a version, a comparison and the changes", async () => {
    const list = await items('upp');
    const [a, b] = [list.at(-1)!.id, list[0]!.id];
    for (const who of ['adminB', 'uppB'])
      for (const url of [
        `/proposals/${p.id}/revisions`,
        `/proposals/${p.id}/revisions/${a}`,
        `/proposals/${p.id}/revisions/compare?from=${a}&to=${b}`,
        `/proposals/${p.id}/changes-since-return`,
      ]) {
        const res = await call(who, 'GET', url);
        expect(res.statusCode, `${who} ${url}`).toBe(404);
      }
    // The organizer's secretariat sees nothing before the proposal is forwarded.
    expect((await call('secretariat', 'GET', `/proposals/${p.id}/changes-since-return`)).statusCode).toBe(
      404,
    );
  });

  it('a version of another proposal cannot be opened or compared through this one (404)', async () => {
    const theirs = (await items('uppB', other.id))[0]!.id;
    const mine = (await items('upp'))[0]!.id;
    expect((await call('upp', 'GET', `/proposals/${p.id}/revisions/${theirs}`)).statusCode).toBe(404);
    const cmp = await call('upp', 'GET', `/proposals/${p.id}/revisions/compare?from=${theirs}&to=${mine}`);
    expect(cmp.statusCode).toBe(404);
    expect(cmp.json().error.message).toMatchObject({
      id: 'Versi tidak ditemukan.',
      en: 'Version not found.',
    });
    const bad = await call('upp', 'GET', `/proposals/${p.id}/revisions/compare?from=abc&to=${mine}`);
    expect(bad.statusCode).toBe(400);
  });
});
