import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { toDefinition } from '../src/modules/competitions/definition-rows.js';
import { loadCompetitionFull } from '../src/modules/competitions/queries.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './helpers/fixtures.js';

/** Inside the KIPP 2026 template's submission window (15 March – 2 May 2026 23:59 WIB). */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';

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

describe('proposal flow: draft → send → return → resend → forward, quota, closing', () => {
  let ctx: TestContext;
  let competitionId: number;
  const cookie: Record<string, string> = {};
  const users: Record<string, { id: number; email: string }> = {};
  let institutionA: number;

  beforeAll(async () => {
    ctx = await createTestApp();
    ctx.clock.freeze(NOW);
    const { secretariat, ...kipp } = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian PANRB Alur',
      now: NOW,
    });
    competitionId = kipp.competitionId;

    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Alur A' });
    institutionA = a.id;
    const unitA = await makeUnit(ctx.db, a.id, 'Dinas Kependudukan Alur');
    const c = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Alur C' });
    const unitC = await makeUnit(ctx.db, c.id);
    const d = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Alur D' });
    const unitD = await makeUnit(ctx.db, d.id);
    const made = {
      secretariat,
      upp: await makeUser(ctx.db, { role: 'upp', institutionId: a.id, unitId: unitA.id }),
      admin: await makeUser(ctx.db, { role: 'local_admin', institutionId: a.id, name: 'Admin Lokal A' }),
      uppC: await makeUser(ctx.db, { role: 'upp', institutionId: c.id, unitId: unitC.id }),
      adminC: await makeUser(ctx.db, { role: 'local_admin', institutionId: c.id }),
      uppD: await makeUser(ctx.db, { role: 'upp', institutionId: d.id, unitId: unitD.id }),
      adminD: await makeUser(ctx.db, { role: 'local_admin', institutionId: d.id }),
    };
    for (const [k, u] of Object.entries(made)) {
      users[k] = u;
      cookie[k] = await sessionCookie(ctx, u.id);
    }
  });
  afterAll(async () => ctx.close());

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api${url}`, headers: { cookie: cookie[who] }, payload });

  const createDraft = async (who: string, title: string): Promise<ProposalDetail> => {
    const res = await call(who, 'POST', `/competitions/${competitionId}/proposals`, {
      groupKey: 'umum',
      title,
    });
    expect(res.statusCode).toBe(201);
    // The supporting document the group requires (seed 003), uploaded with the draft.
    await uploadRequiredEvidence(ctx.app, cookie[who], res.json().id);
    return res.json();
  };

  const completeFields = (version: number) => ({
    version,
    acronym: 'JEBOL',
    categoryKey: 'tata_kelola_pemerintahan',
    implementationStart: '2022-01-10',
    innovatorKind: 'team',
    innovatorNames: 'Tim Disdukcapil',
    contactName: 'Sari Wulandari',
    contactPhone: '081234567890',
    contactEmail: 'sari@alur.go.id',
    links: [{ label: 'Video', url: 'https://video.example.id/jebol' }],
    declarationAccepted: true,
    answers: UMUM_SECTIONS.map((sectionKey) => ({
      sectionKey,
      text: `Jawaban bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
    })),
  });

  /** A complete proposal sent to its admin lokal. */
  const sentProposal = async (who: string, title: string) => {
    const p = await createDraft(who, title);
    const saved = await call(who, 'PATCH', `/proposals/${p.id}`, completeFields(p.version));
    expect(saved.statusCode).toBe(200);
    const sent = await call(who, 'POST', `/proposals/${p.id}/send`);
    expect(sent.statusCode).toBe(200);
    return sent.json() as ProposalDetail;
  };

  let p: ProposalDetail;

  it('creates a draft with a readable code, the group form and abilities for the proposer', async () => {
    p = await createDraft('upp', 'Jemput Bola Layanan Adminduk');
    expect(p).toMatchObject({
      code: 'KIPP-2026-00001',
      state: 'draft',
      version: 1,
      title: 'Jemput Bola Layanan Adminduk',
      group: { key: 'umum' },
      institution: { id: institutionA },
      submissionClosesAt: CLOSES_AT,
      abilities: { edit: true, send: true, return: false, forward: false, withdraw: false },
    });
    expect(p.form.map((s) => s.key)).toEqual(UMUM_SECTIONS);
    expect(p.form[0]).toMatchObject({ labelId: 'Ringkasan', wordLimit: 200, required: true });
    expect(p.completeness.complete).toBe(false);
  });

  it('autosaves with the version, bumps it, and reports word counts and completeness', async () => {
    const res = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version: 1,
      acronym: 'JEBOL',
      answers: [{ sectionKey: 'ringkasan', text: 'Petugas  datang — ke desa.' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 2, savedAt: NOW.toISOString(), completeness: { complete: false } });
    expect(body.completeness.missing.map((m: { field: string }) => m.field)).toContain('categoryId');
    const detail: ProposalDetail = (await call('upp', 'GET', `/proposals/${p.id}`)).json();
    expect(detail.answers).toEqual([
      {
        sectionKey: 'ringkasan',
        text: 'Petugas  datang — ke desa.',
        wordCount: 4,
        updatedAt: NOW.toISOString(),
      },
    ]);
    expect(detail.acronym).toBe('JEBOL');
  });

  it('refuses a stale version with 409 version_conflict carrying the server copy', async () => {
    const res = await call('upp', 'PATCH', `/proposals/${p.id}`, { version: 1, acronym: 'LAMA' });
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('version_conflict');
    expect(err.currentVersion).toBe(2);
    expect(err.server).toMatchObject({
      version: 2,
      acronym: 'JEBOL',
      answers: { ringkasan: 'Petugas  datang — ke desa.' },
    });
    const row = await ctx.db
      .selectFrom('proposals')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ acronym: 'JEBOL', version: 2 });
  });

  it('refuses to send an incomplete proposal with 422 and the missing items', async () => {
    const res = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('proposal_incomplete');
    const fields = err.missing.map((m: { field: string }) => m.field);
    expect(fields).toEqual(
      expect.arrayContaining(['categoryId', 'contactEmail', 'sections.kebaruan', 'declarationAccepted']),
    );
    expect(fields).not.toContain('acronym');
    expect(err.missing.find((m: { field: string }) => m.field === 'sections.kebaruan').message).toEqual({
      id: 'Bagian "Kebaruan/Nilai Tambah" belum diisi.',
      en: 'Section "Novelty/Added Value" is empty.',
    });
    expect(err.fields['sections.kebaruan'].code).toBe('section_empty');
  });

  it('allows going over a word limit while drafting but refuses it at send', async () => {
    const long = Array.from({ length: 201 }, (_, i) => `kata${i}`).join(' ');
    const res = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      ...completeFields(2),
      answers: [
        ...completeFields(2).answers.filter((a) => a.sectionKey !== 'ringkasan'),
        { sectionKey: 'ringkasan', text: long },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().completeness.missing).toEqual([
      {
        kind: 'incomplete',
        code: 'section_over_limit',
        field: 'sections.ringkasan',
        sectionKey: 'ringkasan',
        message: {
          id: 'Bagian "Ringkasan" berisi 201 kata; maksimal 200 kata.',
          en: 'Section "Summary" has 201 words; at most 200.',
        },
      },
    ]);
    const send = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(send.statusCode).toBe(422);
    expect(send.json().error.missing.map((m: { code: string }) => m.code)).toEqual(['section_over_limit']);
  });

  it('sends a complete proposal and notifies the admin lokal in the app and by e-mail', async () => {
    const fix = await call('upp', 'PATCH', `/proposals/${p.id}`, completeFields(3));
    expect(fix.statusCode).toBe(200);
    expect(fix.json()).toMatchObject({ version: 4, completeness: { complete: true, missing: [] } });
    const res = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'sent_to_local_admin',
      version: 5,
      sentAt: NOW.toISOString(),
      abilities: { edit: false, send: false },
    });
    const notice = await ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', users.admin.id)
      .executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ kind: 'proposal_sent', link: `/usulan/${p.id}` });
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'proposal_sent')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(users.admin.email);
    expect(mail.subject).toBe('Proposal KIPP-2026-00001 dikirim untuk diperiksa');
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'proposal')
      .where('action', '=', 'proposal.send')
      .execute();
    expect(audit).toEqual([{ action: 'proposal.send', entity_id: String(p.id) }]);
  });

  it('no longer lets the proposer edit or resend (409 invalid_transition); the admin lokal sees forward/return', async () => {
    const edit = await call('upp', 'PATCH', `/proposals/${p.id}`, { version: 5, acronym: 'BARU' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('invalid_transition');
    const resend = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(resend.statusCode).toBe(409);
    const asAdmin: ProposalDetail = (await call('admin', 'GET', `/proposals/${p.id}`)).json();
    expect(asAdmin.abilities).toEqual({
      edit: false,
      send: false,
      takeBack: false,
      delete: false,
      return: true,
      forward: true,
      withdraw: false,
      upload: false,
    });
  });

  it('lets the admin lokal return it with a note of at least 10 characters; the proposer is told', async () => {
    const short = await call('admin', 'POST', `/proposals/${p.id}/return`, { note: 'Kurang' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.note.code).toBe('too_short');
    const res = await call('admin', 'POST', `/proposals/${p.id}/return`, {
      note: 'Lengkapi data dukung signifikansi.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'returned',
      returnedNote: 'Lengkapi data dukung signifikansi.',
    });
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'proposal_returned')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(users.upp.email);
    expect(mail.text_body).toContain('Lengkapi data dukung signifikansi.');
  });

  it('lets the proposer edit and resend the returned proposal', async () => {
    const version = (await call('upp', 'GET', `/proposals/${p.id}`)).json().version;
    const edit = await call('upp', 'PATCH', `/proposals/${p.id}`, {
      version,
      answers: [{ sectionKey: 'signifikansi', text: 'Waktu layanan turun dari 14 hari menjadi 1 hari.' }],
    });
    expect(edit.statusCode).toBe(200);
    const res = await call('upp', 'POST', `/proposals/${p.id}/send`);
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('sent_to_local_admin');
  });

  it('forwards within the quota and mails the admin lokal that it was forwarded (not a receipt), with the time and the closing in WIB', async () => {
    const res = await call('admin', 'POST', `/proposals/${p.id}/forward`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'forwarded',
      forwardedAt: NOW.toISOString(),
      abilities: { withdraw: true, forward: false, return: false },
    });
    const mail = await ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'proposal_forwarded')
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(users.admin.email);
    expect(mail.subject).toBe('Proposal KIPP-2026-00001 diteruskan kepada penyelenggara');
    for (const line of [
      'Judul: Jemput Bola Layanan Adminduk',
      'Akronim: JEBOL',
      'ID proposal: KIPP-2026-00001',
      'Program: Kompetisi Inovasi Pelayanan Publik 2026 — Kelompok Umum',
      'Diteruskan: 1 April 2026 10.00 WIB',
      'Penyelenggara menerima proposal ini saat pengajuan ditutup, 2 Mei 2026 23.59 WIB. Sampai saat itu Anda masih dapat menarik kembali proposal ini.',
      'E-mail ini bukan tanda terima: tanda terima dikirim setelah pengajuan ditutup.',
    ])
      expect(mail.text_body).toContain(line);
    expect(mail.text_body).not.toContain('Simpan e-mail ini sebagai tanda terima');
    expect(mail.text_body).not.toContain('Diterima:');
  });

  it('keeps one revision per transition and shows each snapshot', async () => {
    const list = await call('upp', 'GET', `/proposals/${p.id}/revisions`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: number; kind: string; action: string | null }[];
    expect(items.filter((r) => r.kind === 'transition').map((r) => r.action)).toEqual([
      'forward',
      'send',
      'return',
      'send',
      'create',
    ]);
    const sendRev = items.find((r) => r.action === 'send')!;
    const one = await call('admin', 'GET', `/proposals/${p.id}/revisions/${sendRev.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().snapshot).toMatchObject({ state: 'sent_to_local_admin', code: 'KIPP-2026-00001' });
    // The autosave before the first send was written out by that send, as the draft it last saved.
    const firstSend = items.filter((r) => r.action === 'send').at(-1)!;
    const beforeSend = items[items.findIndex((r) => r.id === firstSend.id) + 1];
    expect(beforeSend.kind).toBe('autosave');
    const draft = await call('upp', 'GET', `/proposals/${p.id}/revisions/${beforeSend.id}`);
    expect(draft.json().snapshot).toMatchObject({ state: 'draft', acronym: 'JEBOL' });
    const row = await ctx.db
      .selectFrom('proposal_revisions')
      .select('snapshot')
      .where('id', '=', beforeSend.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.snapshot)).toMatchObject({ state: 'draft', acronym: 'JEBOL' });
  });

  it('shows the forwarded proposal to the organizer secretariat, read-only', async () => {
    const list = await call('secretariat', 'GET', `/proposals?competitionId=${competitionId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: number }) => x.id)).toEqual([p.id]);
    const one = await call('secretariat', 'GET', `/proposals/${p.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().abilities).toEqual({
      edit: false,
      send: false,
      takeBack: false,
      delete: false,
      return: false,
      forward: false,
      withdraw: false,
      upload: false,
    });
    const forward = await call('secretariat', 'POST', `/proposals/${p.id}/withdraw`);
    expect(forward.statusCode).toBe(403);
  });

  it('lets the admin lokal withdraw a forwarded proposal and forward it again', async () => {
    const w = await call('admin', 'POST', `/proposals/${p.id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json()).toMatchObject({ state: 'withdrawn', forwardedAt: null });
    const hidden = await call('secretariat', 'GET', `/proposals/${p.id}`);
    expect(hidden.statusCode).toBe(404);
    const again = await call('admin', 'POST', `/proposals/${p.id}/forward`);
    expect(again.statusCode).toBe(200);
    expect(again.json().state).toBe('forwarded');
  });

  it('enforces the quota per institution: with quota 2 the third forward is refused', async () => {
    await ctx.db
      .updateTable('competition_groups')
      .set({ quota_per_institution: 2 })
      .where('competition_id', '=', competitionId)
      .where('key', '=', 'umum')
      .execute();
    const sent = [];
    for (const title of ['Satu', 'Dua', 'Tiga']) sent.push(await sentProposal('uppC', `Inovasi ${title}`));
    expect((await call('adminC', 'POST', `/proposals/${sent[0].id}/forward`)).statusCode).toBe(200);
    expect((await call('adminC', 'POST', `/proposals/${sent[1].id}/forward`)).statusCode).toBe(200);
    const third = await call('adminC', 'POST', `/proposals/${sent[2].id}/forward`);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('quota_full');
    expect(third.json().error.message.id).toContain('(2/2)');
    const row = await ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', sent[2].id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('sent_to_local_admin');

    const list = await call('adminC', 'GET', `/proposals?competitionId=${competitionId}`);
    expect(list.json().quotas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ groupKey: 'umum', used: 2, quota: 2 }),
        expect.objectContaining({ groupKey: 'replikasi', used: 0, quota: 5 }),
        expect.objectContaining({ groupKey: 'khusus', used: 0, quota: null }),
      ]),
    );
  });

  it('gives the last slot to exactly one of two racing forwards', async () => {
    const first = await sentProposal('uppD', 'Inovasi Pertama');
    expect((await call('adminD', 'POST', `/proposals/${first.id}/forward`)).statusCode).toBe(200);
    const x = await sentProposal('uppD', 'Inovasi Balapan X');
    const y = await sentProposal('uppD', 'Inovasi Balapan Y');
    const results = await Promise.all([
      call('adminD', 'POST', `/proposals/${x.id}/forward`),
      call('adminD', 'POST', `/proposals/${y.id}/forward`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.code).toBe('quota_full');
    expect(refused.json().error.message.en).toContain('(2/2)');
    const forwarded = await ctx.db
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institution_id', '=', first.institution.id)
      .where('state', '=', 'forwarded')
      .executeTakeFirstOrThrow();
    expect(Number(forwarded.n)).toBe(2);
  });

  it('refuses edit, send, forward and new proposals after the submission closes, naming the hour and zone', async () => {
    const draft = await createDraft('upp', 'Inovasi Terlambat');
    const waiting = await sentProposal('uppC', 'Inovasi Menunggu');
    ctx.clock.set(new Date(Date.parse(CLOSES_AT) + 60_000));
    // Sessions expire while the clock jumps a month: log in again at the new time.
    for (const who of ['upp', 'adminC']) cookie[who] = await sessionCookie(ctx, users[who].id);
    const attempts = [
      await call('upp', 'PATCH', `/proposals/${draft.id}`, { version: draft.version, acronym: 'X' }),
      await call('upp', 'POST', `/proposals/${draft.id}/send`),
      await call('adminC', 'POST', `/proposals/${waiting.id}/forward`),
      await call('upp', 'POST', `/competitions/${competitionId}/proposals`, {
        groupKey: 'umum',
        title: 'Baru',
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('submission_closed');
      expect(res.json().error.message).toEqual({
        id: 'Pengajuan proposal telah ditutup pada 2 Mei 2026 23.59 WIB.',
        en: 'Proposal submission closed on 2 May 2026 23:59 WIB.',
      });
    }
    const detail: ProposalDetail = (await call('upp', 'GET', `/proposals/${draft.id}`)).json();
    expect(detail.abilities).toEqual({
      edit: false,
      send: false,
      takeBack: false,
      delete: false,
      return: false,
      forward: false,
      withdraw: false,
      upload: false,
    });
  });

  it('refuses to remove from the competition a group that proposals use (409 in_use), and keeps everything', async () => {
    cookie.secretariat = await sessionCookie(ctx, users.secretariat.id);
    const definition = toDefinition((await loadCompetitionFull(ctx.db, competitionId))!);
    // Even through an amendment (a published competition's structure changes only through one).
    const res = await call('secretariat', 'PUT', `/competitions/${competitionId}`, {
      ...definition,
      groups: definition.groups.filter((g) => g.key !== 'umum'),
      amendment: { number: 'ADD/1/2026', reasonId: 'Kelompok umum ditiadakan' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('in_use');
    const groups = await ctx.db
      .selectFrom('competition_groups')
      .select('key')
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .execute();
    expect(groups.map((g) => g.key)).toEqual(['umum', 'replikasi', 'khusus']);
  });
});
