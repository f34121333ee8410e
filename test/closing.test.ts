import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '../src/db/schema.js';
import { createFromTemplate } from '../src/modules/competitions/commands/create-from-template.js';
import { setCompetitionStatus } from '../src/modules/competitions/commands/set-status.js';
import { submissionJobHandlers } from '../src/modules/deadlines/jobs.js';
import { runDueJobs } from '../src/platform/jobs.js';
import { appWithSmtpCapture, createTestApp, type TestContext } from './helpers/app.js';
import { uploadRequiredEvidence } from './helpers/evidence.js';
import { makeInstitution, makeUnit, makeUser, sessionCookie } from './helpers/fixtures.js';

/** The KIPP 2026 template: submission from 15 March to 2 May 2026 23:59 WIB. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const CLOSES_AT = '2026-05-02T16:59:00.000Z';
const EXTENDED = '2026-05-06T16:59:00.000Z';
/** 10 April 2026 09.30 WIB and 12 April 2026 20.05 WIB. */
const T1 = new Date('2026-04-10T02:30:00.000Z');
const T2 = new Date('2026-04-12T13:05:00.000Z');

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

const completeFields = (version: number, acronym: string) => ({
  version,
  acronym,
  categoryKey: 'tata_kelola_pemerintahan',
  implementationStart: '2022-01-10',
  innovatorKind: 'team',
  innovatorNames: 'Tim Inovasi',
  contactName: 'Sari Wulandari',
  contactPhone: '081234567890',
  contactEmail: 'sari@penutupan.go.id',
  links: [{ label: 'Video', url: 'https://video.example.id/inovasi' }],
  declarationAccepted: true,
  answers: UMUM_SECTIONS.map((sectionKey) => ({
    sectionKey,
    text: `Jawaban bagian ${sectionKey}: petugas datang ke desa untuk melayani warga.`,
  })),
});

/** A published KIPP 2026 and a way to move proposals through the real API. */
async function setup(ctx: TestContext) {
  ctx.clock.freeze(NOW);
  const organizer = await makeInstitution(ctx.db, { type: 'kementerian', name: 'Kementerian PANRB Tutup' });
  const secretariat = await makeUser(ctx.db, { role: 'secretariat', institutionId: organizer.id });
  const competition = await createFromTemplate(ctx.db, {
    template: 'kipp',
    year: 2026,
    organizer,
    createdBy: secretariat.id,
    ip: null,
    now: NOW,
  });
  await setCompetitionStatus(ctx.db, {
    id: competition.id,
    to: 'published',
    actorUserId: secretariat.id,
    ip: null,
    now: NOW,
  });
  // A fresh session per call, started at the clock of the moment (the tests jump across weeks).
  const call = async (userId: number, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: { cookie: await sessionCookie(ctx, userId) },
      payload: payload as Record<string, unknown>,
    });
  const ok = async (res: Awaited<ReturnType<typeof call>>) => {
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json() as { id: number; version: number; code: string };
  };
  /** A proposal taken by its UPP (and admin lokal) up to `state`, forwarded at `forwardAt`. */
  const proposal = async (
    upp: number,
    admin: number,
    title: string,
    acronym: string,
    state: 'draft' | 'sent_to_local_admin' | 'returned' | 'forwarded',
    forwardAt?: Date,
  ) => {
    const p = await ok(
      await call(upp, 'POST', `/competitions/${competition.id}/proposals`, { groupKey: 'umum', title }),
    );
    if (state === 'draft') return p;
    await ok(await call(upp, 'PATCH', `/proposals/${p.id}`, completeFields(p.version, acronym)));
    // The supporting document the group requires (seed 003).
    await uploadRequiredEvidence(ctx.app, await sessionCookie(ctx, upp), p.id);
    await ok(await call(upp, 'POST', `/proposals/${p.id}/send`));
    if (state === 'returned')
      await ok(await call(admin, 'POST', `/proposals/${p.id}/return`, { note: 'Lengkapi data dukung.' }));
    if (state === 'forwarded') {
      if (forwardAt) ctx.clock.freeze(forwardAt);
      await ok(await call(admin, 'POST', `/proposals/${p.id}/forward`));
      ctx.clock.freeze(NOW);
    }
    return p;
  };
  const name = (
    await ctx.db
      .selectFrom('competitions')
      .select('name')
      .where('id', '=', competition.id)
      .executeTakeFirstOrThrow()
  ).name;
  return { competitionId: competition.id, name, secretariat, call, proposal };
}

const states = async (ctx: TestContext, competitionId: number) =>
  Object.fromEntries(
    (
      await ctx.db
        .selectFrom('proposals')
        .select(['code', 'state', 'forwarded_at', 'received_at'])
        .where('competition_id', '=', competitionId)
        .orderBy('id')
        .execute()
    ).map((p) => [p.code, p]),
  );

const closingJob = (ctx: TestContext, competitionId: number): Promise<JobRow> =>
  ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('unique_key', '=', `closing:${competitionId}`)
    .executeTakeFirstOrThrow();

describe('closing of submission: reminders, extension, freeze and receipts', () => {
  let ctx: TestContext;
  let s: Awaited<ReturnType<typeof setup>>;
  const u: Record<string, { id: number; email: string }> = {};
  const code: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    s = await setup(ctx);
    const a = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Tutup A' });
    const b = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Tutup B', type: 'pemerintah_kota' });
    const unitA = await makeUnit(ctx.db, a.id);
    const unitB = await makeUnit(ctx.db, b.id);
    u.adminA = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: a.id,
      email: 'admin.a@tutup.go.id',
    });
    u.adminB = await makeUser(ctx.db, {
      role: 'local_admin',
      institutionId: b.id,
      email: 'admin.b@tutup.go.id',
    });
    u.uppA = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: a.id,
      unitId: unitA.id,
      email: 'upp.a@tutup.go.id',
    });
    u.uppB = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: b.id,
      unitId: unitB.id,
      email: 'upp.b@tutup.go.id',
    });
    u.uppIdle = await makeUser(ctx.db, {
      role: 'upp',
      institutionId: b.id,
      unitId: unitB.id,
      email: 'idle@tutup.go.id',
    });
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', u.adminB.id).execute();
    const { proposal } = s;
    code.a1 = (await proposal(u.uppA.id, u.adminA.id, 'Draf Pelayanan A', 'DRAFA', 'draft')).code;
    code.a2 = (await proposal(u.uppA.id, u.adminA.id, 'Dikirim A', 'KIRIMA', 'sent_to_local_admin')).code;
    code.a3 = (await proposal(u.uppA.id, u.adminA.id, 'Jemput Bola Adminduk', 'JEBOL', 'forwarded', T1)).code;
    code.a4 = (await proposal(u.uppA.id, u.adminA.id, 'Posyandu Digital', 'PODIG', 'forwarded', T2)).code;
    code.b1 = (await proposal(u.uppB.id, u.adminB.id, 'Layanan Air Bersih', 'LABER', 'forwarded', T1)).code;
    code.b2 = (await proposal(u.uppB.id, u.adminB.id, 'Dikembalikan B', 'KEMBALI', 'returned')).code;
  });
  afterAll(async () => ctx.close());

  const outbox = (template: string) =>
    ctx.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'text_body', 'html_body', 'locale'])
      .where('template', '=', template)
      .orderBy('id')
      .execute();

  it('reminds each admin lokal and each UPP with unforwarded proposals, once, 7 days before closing', async () => {
    ctx.clock.freeze(new Date('2026-04-25T16:59:00.000Z'));
    expect(await runDueJobs(ctx.db, ctx.clock, submissionJobHandlers)).toEqual({ done: 1, failed: 0 });
    const mails = await outbox('submission_reminder');
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'admin.a@tutup.go.id',
      'admin.b@tutup.go.id',
      'upp.a@tutup.go.id',
      'upp.b@tutup.go.id',
    ]);
    const adminA = mails.find((m) => m.to_address === 'admin.a@tutup.go.id')!;
    expect(adminA.subject).toBe(`Pengingat: pengajuan ${s.name} ditutup dalam 7 hari`);
    expect(adminA.text_body).toContain('ditutup dalam 7 hari, pada 2 Mei 2026 23.59 WIB.');
    expect(adminA.text_body).toContain('2 proposal belum diteruskan kepada penyelenggara.');
    const adminB = mails.find((m) => m.to_address === 'admin.b@tutup.go.id')!;
    expect(adminB.subject).toBe(`Reminder: ${s.name} submission closes in 7 days`);
    expect(adminB.text_body).toContain('at 2 May 2026 23:59 WIB.');
    expect(adminB.text_body).toContain('1 proposal is not yet forwarded to the organizer.');
    expect(mails.find((m) => m.to_address === 'upp.b@tutup.go.id')!.text_body).toContain('1 proposal belum');
  });

  let beforeExtension: JobRow;
  let oldReminder: JobRow;

  it('a closing job scheduled before an extension does nothing at the old instant', async () => {
    beforeExtension = await closingJob(ctx, s.competitionId);
    oldReminder = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('unique_key', '=', `reminder:${s.competitionId}:1d`)
      .executeTakeFirstOrThrow();
    expect(beforeExtension.run_at).toBe(CLOSES_AT);
    ctx.clock.freeze(new Date('2026-04-26T03:00:00.000Z'));
    const res = await s.call(s.secretariat.id, 'POST', `/competitions/${s.competitionId}/extend-submission`, {
      closesAt: EXTENDED,
      letterNumber: 'B/188/PP.00.05/2026',
    });
    expect(res.statusCode).toBe(200);
    expect((await closingJob(ctx, s.competitionId)).run_at).toBe(EXTENDED);

    const before = await states(ctx, s.competitionId);
    ctx.clock.freeze(new Date('2026-05-02T17:00:00.000Z'));
    // Nothing is due for the closing at the old instant (only the re-armed 7-day reminder for 6 May ran).
    await runDueJobs(ctx.db, ctx.clock, submissionJobHandlers);
    expect((await closingJob(ctx, s.competitionId)).status).toBe('pending');
    const late = (await outbox('submission_reminder')).find((m) => m.subject.includes('4 hari'))!;
    expect(late.text_body).toContain('ditutup dalam 4 hari, pada 6 Mei 2026 23.59 WIB.');
    // A closing claimed for the old instant finds the deadline extended and leaves everything as it is;
    // a reminder for the old instant sends nothing.
    const reminders = (await outbox('submission_reminder')).length;
    await submissionJobHandlers.closing(beforeExtension, { db: ctx.db, clock: ctx.clock });
    await submissionJobHandlers.reminder(oldReminder, { db: ctx.db, clock: ctx.clock });
    expect(await states(ctx, s.competitionId)).toEqual(before);
    expect(await outbox('proposal_receipt')).toEqual([]);
    expect(await outbox('submission_reminder')).toHaveLength(reminders);
    expect(
      await ctx.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'competition.closed')
        .execute(),
    ).toEqual([]);
  });

  it('at the extended closing freezes what was not forwarded and receives the forwarded proposals', async () => {
    ctx.clock.freeze(new Date('2026-05-06T17:00:00.000Z'));
    // The 3- and 1-day reminders are late and find the submission closed; then the closing runs.
    expect(await runDueJobs(ctx.db, ctx.clock, submissionJobHandlers)).toEqual({ done: 3, failed: 0 });
    const after = await states(ctx, s.competitionId);
    expect(Object.fromEntries(Object.entries(after).map(([c, p]) => [c, p.state]))).toEqual({
      [code.a1]: 'frozen',
      [code.a2]: 'frozen',
      [code.a3]: 'received',
      [code.a4]: 'received',
      [code.b1]: 'received',
      [code.b2]: 'frozen',
    });
    expect(after[code.a3]).toMatchObject({ forwarded_at: T1.toISOString(), received_at: T1.toISOString() });
    expect(after[code.a4]).toMatchObject({ forwarded_at: T2.toISOString(), received_at: T2.toISOString() });
    expect(after[code.b1].received_at).toBe(T1.toISOString());
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['summary', 'actor_user_id'])
      .where('action', '=', 'competition.closed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBeNull();
    expect(JSON.parse(audit[0].summary)).toEqual({
      closesAt: EXTENDED,
      frozen: [code.a1, code.a2, code.b2],
      received: [code.a3, code.a4, code.b1],
    });
  });

  it('writes each closed proposal its transition revision, by the system, as the proposal now is', async () => {
    const proposals = await ctx.db
      .selectFrom('proposals')
      .select(['id', 'code', 'state', 'version'])
      .where('competition_id', '=', s.competitionId)
      .execute();
    expect(proposals).toHaveLength(6);
    for (const p of proposals) {
      const revisions = await ctx.db
        .selectFrom('proposal_revisions')
        .selectAll()
        .where('proposal_id', '=', p.id)
        .where('action', 'in', ['freeze', 'receive'])
        .execute();
      expect(revisions, p.code).toHaveLength(1);
      const [r] = revisions;
      expect(r).toMatchObject({
        kind: 'transition',
        action: p.state === 'frozen' ? 'freeze' : 'receive',
        version: p.version,
        saved_by: null,
        created_at: '2026-05-06T17:00:00.000Z',
      });
      expect(JSON.parse(r.snapshot)).toMatchObject({ code: p.code, state: p.state, version: p.version });
    }
    // The history shows it first, by the system (a1, the UPP's draft, frozen).
    const a1 = proposals.find((p) => p.code === code.a1)!;
    const history = await s.call(u.uppA.id, 'GET', `/proposals/${a1.id}/revisions`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items[0]).toMatchObject({ kind: 'transition', action: 'freeze', savedBy: null });
  });

  it('queues exactly one receipt per received proposal to its admin lokal, with every field', async () => {
    const receipts = await outbox('proposal_receipt');
    expect(receipts.map((r) => [r.to_address, r.subject])).toEqual([
      ['admin.a@tutup.go.id', `Tanda terima proposal ${code.a3}: diterima penyelenggara`],
      ['admin.a@tutup.go.id', `Tanda terima proposal ${code.a4}: diterima penyelenggara`],
      ['admin.b@tutup.go.id', `Receipt for proposal ${code.b1}: received by the organizer`],
    ]);
    const [a3, a4, b1] = receipts;
    for (const line of [
      'Judul: Jemput Bola Adminduk',
      'Akronim: JEBOL',
      `ID proposal: ${code.a3}`,
      `Program: ${s.name} — Kelompok Umum`,
      'Diterima: 10 April 2026 09.30 WIB',
    ])
      expect(a3.text_body).toContain(line);
    expect(a4.text_body).toContain('Diterima: 12 April 2026 20.05 WIB');
    for (const line of [
      'Title: Layanan Air Bersih',
      'Acronym: LABER',
      `Proposal ID: ${code.b1}`,
      `Programme: ${s.name} — General group`,
      'Received: 10 April 2026 09:30 WIB',
    ])
      expect(b1.text_body).toContain(line);
  });

  it('a second run sends nothing new and changes nothing', async () => {
    const before = await states(ctx, s.competitionId);
    const mails = await ctx.db.selectFrom('outbox').select('id').execute();
    const job = await closingJob(ctx, s.competitionId);
    expect(job.status).toBe('done');
    await submissionJobHandlers.closing(job, { db: ctx.db, clock: ctx.clock });
    expect(await runDueJobs(ctx.db, ctx.clock, submissionJobHandlers)).toEqual({ done: 0, failed: 0 });
    expect(await ctx.db.selectFrom('outbox').select('id').execute()).toEqual(mails);
    expect(await states(ctx, s.competitionId)).toEqual(before);
    expect(
      await ctx.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'competition.closed')
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses to extend a submission that has already closed (409)', async () => {
    const res = await s.call(s.secretariat.id, 'POST', `/competitions/${s.competitionId}/extend-submission`, {
      closesAt: '2026-05-20T16:59:00.000Z',
      letterNumber: 'B/300/2026',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('submission_closed');
  });
});

describe('closing receipt over real SMTP', () => {
  const suite = appWithSmtpCapture();

  it('delivers the receipt with title, acronym, proposal ID, programme and received time', async () => {
    const s = await setup(suite.ctx);
    const inst = await makeInstitution(suite.ctx.db, { name: 'Pemerintah Kabupaten Surel' });
    const unit = await makeUnit(suite.ctx.db, inst.id);
    const admin = await makeUser(suite.ctx.db, {
      role: 'local_admin',
      institutionId: inst.id,
      email: 'admin@surel.go.id',
      name: 'Rina Admin',
    });
    const upp = await makeUser(suite.ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const p = await s.proposal(upp.id, admin.id, 'Sapa Warga Daring', 'SAWADA', 'forwarded', T1);
    suite.ctx.clock.freeze(new Date('2026-05-02T17:00:00.000Z'));
    await runDueJobs(suite.ctx.db, suite.ctx.clock, submissionJobHandlers);
    await suite.ctx.deliverMail();
    const mail = await suite.smtp.waitFor((m) => m.subject.endsWith(': diterima penyelenggara'));
    expect(mail.to).toEqual(['admin@surel.go.id']);
    expect(mail.subject).toBe(`Tanda terima proposal ${p.code}: diterima penyelenggara`);
    for (const line of [
      'Yth. Rina Admin,',
      'Judul: Sapa Warga Daring',
      'Akronim: SAWADA',
      `ID proposal: ${p.code}`,
      `Program: ${s.name} — Kelompok Umum`,
      'Diterima: 10 April 2026 09.30 WIB',
    ]) {
      expect(mail.text).toContain(line);
      expect(mail.html).toContain(line);
    }
    expect(suite.smtp.messages.filter((m) => m.subject.endsWith(': diterima penyelenggara'))).toHaveLength(1);
  });
});
