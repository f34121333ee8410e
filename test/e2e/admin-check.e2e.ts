import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionJobHandlers } from '../../src/modules/deadlines/jobs.js';
import { runDueJobs } from '../../src/platform/jobs.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

const SECRETARIAT = 'sekretariat@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const PHONE = { width: 390, height: 844 };

/*
 * The administrative check in Chromium (issue 12 point 1): the demo's KIPP is closed by its closing job,
 * the secretariat asks for one of Tangerang's proposals to be completed, the admin lokal completes the
 * named answer and sends it (after a confirmation), and the secretariat passes it. Screenshots in Bahasa
 * Indonesia on a desktop and a phone, the queue once in English; axe-core on every screen.
 */
describe('administrative check, in Chromium: completion request → completed → passed', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let proposalId = 0;
  let competitionId = 0;

  beforeAll(async () => {
    server = await startDemoServer({}, { demoLinks: true });
    profiles = await openProfiles();
    const db = server.ctx.db;
    const target = await db
      .selectFrom('proposals as p')
      .innerJoin('role_grants as g', 'g.institution_id', 'p.institution_id')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select(['p.id', 'p.competition_id'])
      .where('u.email', '=', ADMIN_LOKAL)
      .where('p.state', '=', 'forwarded')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    proposalId = target.id;
    competitionId = target.competition_id;
    const stage = await db
      .selectFrom('stages')
      .select('closes_at')
      .where('competition_id', '=', competitionId)
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    server.ctx.clock.freeze(new Date(Date.parse(stage.closes_at!) + 60 * 60_000));
    await runDueJobs(db, server.ctx.clock, submissionJobHandlers);
    const state = await db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('received');
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat asks for completion, the admin lokal completes, the secretariat passes', async () => {
    const sec = await profiles.newPage();
    await logIn(sec, server.baseUrl, SECRETARIAT);
    await sec.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`);
    await sec.getByRole('heading', { name: 'Seleksi administrasi', level: 1 }).waitFor();
    await sec.getByRole('button', { name: 'Ambil berikutnya' }).waitFor();
    await shoot(sec, 'adck-01-queue');

    await sec.goto(`${server.baseUrl}/sekretariat/seleksi-administrasi/${proposalId}`);
    await sec.getByRole('heading', { name: 'Daftar periksa' }).waitFor();
    await sec.getByRole('button', { name: 'Ambil proposal ini' }).click();
    await sec.getByText(/Anda memegang proposal ini sampai/).waitFor();
    await sec.getByRole('radio', { name: 'Memenuhi' }).first().check();
    await shoot(sec, 'adck-02-checklist');
    await sec.getByRole('button', { name: 'Perlu dilengkapi' }).click();
    const dialog = sec.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Ringkasan' }).check();
    await dialog.getByLabel('Catatan untuk Admin Lokal').fill('Ringkasan belum menyebut hasil layanan.');
    const deadline = new Date(server.ctx.clock.now().getTime() + 3 * 86400_000);
    await dialog.locator('input[type="date"]').fill(deadline.toISOString().slice(0, 10));
    await shoot(sec, 'adck-03-completion-request');
    await dialog.getByRole('button', { name: 'Kirim permintaan kelengkapan' }).click();
    await sec.getByText('Jawaban bagian "Ringkasan"').first().waitFor();
    await sec.getByText('Perlu dilengkapi', { exact: true }).first().waitFor();

    const mail = await server.smtp.waitFor((m) => /perlu dilengkapi/.test(m.subject));
    expect(mail.text).toContain('Jawaban bagian "Ringkasan"');
    expect(mail.text).toMatch(/WIB/);

    const admin = await profiles.newPage();
    await logIn(admin, server.baseUrl, ADMIN_LOKAL);
    await admin.goto(`${server.baseUrl}/usulan/${proposalId}`);
    await admin.getByRole('link', { name: 'Buka formulir kelengkapan' }).click();
    await admin.getByRole('heading', { name: 'Lengkapi proposal', level: 1 }).waitFor();
    const answer = admin.getByLabel('Jawaban bagian "Ringkasan"');
    await answer.fill(
      'Layanan jemput bola menjangkau 1.200 warga lanjut usia dalam setahun; waktu layanan turun dari 14 hari menjadi 2 hari.',
    );
    await shoot(admin, 'adck-04-complete');
    await admin.getByRole('button', { name: 'Kirim kelengkapan' }).click();
    await admin
      .getByRole('dialog')
      .getByText(/tidak dapat diubah lagi setelah dikirim/)
      .waitFor();
    await shoot(admin, 'adck-05-complete-confirm');
    await admin.getByRole('button', { name: 'Ya, kirim kelengkapan' }).click();
    await admin
      .getByText('Kelengkapan terkirim. Proposal kembali diperiksa penyelenggara.')
      .first()
      .waitFor();

    const phone = await profiles.newPage(PHONE);
    await logIn(phone, server.baseUrl, ADMIN_LOKAL);
    await phone.goto(`${server.baseUrl}/usulan/${proposalId}/kelengkapan`);
    await phone.getByRole('heading', { name: 'Lengkapi proposal', level: 1 }).waitFor();
    await shoot(phone, 'adck-06-complete-phone');

    await sec.reload();
    await sec.getByText('Dilengkapi oleh Admin Lokal').waitFor();
    await sec.getByRole('button', { name: 'Lolos', exact: true }).click();
    await sec.getByText(/Keputusan saat ini: Lolos \(belum diumumkan\)/).waitFor();
    await shoot(sec, 'adck-07-passed');
    const check = await server.ctx.db
      .selectFrom('admin_checks')
      .select(['outcome', 'round', 'published_at'])
      .where('proposal_id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(check).toEqual({ outcome: 'passed', round: 2, published_at: null });

    const secPhone = await profiles.newPage(PHONE);
    await logIn(secPhone, server.baseUrl, SECRETARIAT);
    await secPhone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/seleksi-administrasi`);
    await secPhone.getByRole('heading', { name: 'Seleksi administrasi', level: 1 }).waitFor();
    await shoot(secPhone, 'adck-08-queue-phone');

    const en = await profiles.newPage(undefined, { locale: 'en-GB' });
    await logIn(en, server.baseUrl, SECRETARIAT);
    await en.evaluate(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(`${server.baseUrl}/sekretariat/seleksi-administrasi/${proposalId}`);
    await en.getByRole('heading', { name: 'Checklist' }).waitFor();
    await shoot(en, 'adck-09-detail-en');
  }, 240_000);
});
