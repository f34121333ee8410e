import fs from 'node:fs';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../helpers/fixtures.js';
import { minimalPdf } from '../helpers/multipart.js';
import { scoreOpenByApi } from '../helpers/review.js';
import { pdfText } from '../helpers/pdf.js';
import {
  demoAccounts,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * Issue 13 "Done when", in Chromium: the panel demo (KIPP-PANEL, seeded at its final finalist list with the
 * presentation open) run by the demo accounts, each in its own browser profile, through the UI: the
 * secretariat's presentation schedule and its letters, the admin lokal's invitation (letter PDF, upload), a
 * panelist scoring the finalist on now from the live session on a phone, the field visit planned and worked
 * offline then online, the plenary decision, the results published with the decree, and a certificate
 * downloaded and verified (a changed one refused). One world, named steps in
 * order (each needs the one before). The later stages' windows lie days after the seed's "now": the system
 * administrator moves the server's clock into them on the demo clock page (/admin/jam-demo).
 * Screenshots: test-results/screenshots/panel-flow-*.png; axe-core on every screen (harness `shoot`).
 *
 * Through the API instead of the UI, on purpose: the scores and decisions of the finalists other than the
 * one followed (every finalist × 3 panelists; the same endpoints the pages call, as those panelists).
 */
const SECRETARIAT = 'sekretariat@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const PANELIST = 'panelis@demo.sinovik.id';
const SYSTEM_ADMIN = 'admin@demo.sinovik.id';
const PHONE = { width: 390, height: 844 };
const DECREE = 'Keputusan Menteri PANRB Nomor 120 Tahun 2026';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Finalist {
  id: number;
  code: string;
  title: string;
  groupKey: string;
  institutionName: string;
}

interface World {
  competitionId: number;
  stage: Record<
    'presentation' | 'field_verification' | 'final_panel' | 'announcement',
    { id: number; opensAt: string; closesAt: string }
  >;
  finalists: Finalist[];
  /** The Tangerang finalist followed through every stage. */
  followed: Finalist;
  /** The published session and the followed finalist's slot. */
  session: { id: number; followedStartsAt: string };
  /** The followed finalist's invitation letter number. */
  letter: string;
  visitId: number;
  certificateNumber: string;
  verificationUrl: string;
}

const jpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
    crypto.randomBytes(3000),
  ]);

describe('the panel demo, from the final finalist list to a verified certificate, by the demo accounts', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const w = {} as World;
  const { as, moveClockTo } = demoAccounts(
    () => server,
    () => profiles,
    SYSTEM_ADMIN,
  );

  const url = (path: string) => `${server.baseUrl}${path}`;
  const db = () => server.ctx.db;
  const userId = async (email: string) =>
    (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    server = await startDemoServer({}, { demoLinks: true, panel: true });
    profiles = await openProfiles();
    const c = await db()
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP-PANEL')
      .executeTakeFirstOrThrow();
    w.competitionId = c.id;
    const stages = await db()
      .selectFrom('stages')
      .select(['id', 'kind', 'opens_at', 'closes_at'])
      .where('competition_id', '=', c.id)
      .execute();
    w.stage = Object.fromEntries(
      stages.map((s) => [s.kind, { id: s.id, opensAt: s.opens_at!, closesAt: s.closes_at! }]),
    ) as World['stage'];
    w.finalists = await db()
      .selectFrom('proposals as p')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['p.id', 'p.code', 'p.title', 'g.key as groupKey', 'i.name as institutionName'])
      .where('p.competition_id', '=', c.id)
      .where('p.state', '=', 'finalist')
      .orderBy('p.id')
      .execute();
    expect(w.finalists.length).toBeGreaterThan(3);
    w.followed = w.finalists.find((f) => f.institutionName.includes('Tangerang') && f.groupKey === 'umum')!;
    expect(w.followed).toBeDefined();
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the secretariat builds the presentation schedule and publishes it with the letters', async () => {
    const page = await as(SECRETARIAT);
    await page.goto(url(`/sekretariat/kompetisi/${w.competitionId}`));
    await page.getByRole('link', { name: 'Jadwal presentasi' }).click();
    await page.getByRole('heading', { name: 'Jadwal presentasi dan wawancara', level: 1 }).waitFor();
    // The uploads close at the end of tomorrow (WIB); the session sits the day after, 08.00–13.00 WIB.
    const wibDay = (days: number) =>
      new Date(server.ctx.clock.now().getTime() + days * DAY + 7 * HOUR).toISOString().slice(0, 10);
    await page.getByLabel(/^Pola nomor surat/).fill('B/{n}/PP.00.05/{year}');
    await page.getByLabel(/^Nomor urut surat pertama/).fill('120');
    await page.getByLabel(/^Batas unggah bahan: tanggal/).fill(wibDay(1));
    await page.getByLabel(/^Jam \(WIB\)/).fill('23:59');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();
    await page.getByRole('button', { name: 'Tambah sesi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
    await dialog.getByLabel(/^Nama sesi/).fill('Sesi Pleno');
    await dialog.getByLabel(/^Tanggal/).fill(wibDay(2));
    await dialog.getByLabel(/^Mulai \(WIB\)/).fill('08:00');
    await dialog.getByLabel(/^Selesai \(WIB\)/).fill('13:00');
    await dialog.getByLabel('Daring (tautan rapat)').check();
    await dialog.getByLabel(/^Tautan rapat/).fill('https://zoom.example.id/j/2026');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Sesi Sesi Pleno disimpan.').waitFor();
    await page.getByRole('button', { name: 'Jadwalkan otomatis' }).click();
    const n = w.finalists.length;
    await page.getByText(`${n} finalis ditempatkan.`).waitFor();
    await shoot(page, 'panel-flow-01-schedule');
    await page.getByRole('button', { name: 'Umumkan jadwal' }).click();
    const confirm = page.getByRole('dialog', { name: `Umumkan jadwal untuk ${n} finalis?` });
    await confirm.getByText(/Pengumuman tidak dapat dibatalkan/).waitFor();
    await confirm.getByRole('button', { name: 'Umumkan dan kirim surat' }).click();
    await page.getByText(new RegExp(`^Jadwal diumumkan: ${n} surat undangan, \\d+ surel\\.$`)).waitFor();
    await shoot(page, 'panel-flow-02-schedule-published');
    const view = (await (
      await page.request.get(url(`/api/competitions/${w.competitionId}/presentation`))
    ).json()) as {
      sessions: { id: number; slots: { startsAt: string; finalist: { id: number } | null }[] }[];
      letters: { proposalId: number; number: string }[];
    };
    const session = view.sessions[0]!;
    w.session = {
      id: session.id,
      followedStartsAt: session.slots.find((x) => x.finalist?.id === w.followed.id)!.startsAt,
    };
    w.letter = view.letters.find((l) => l.proposalId === w.followed.id)!.number;
    expect(w.letter).toMatch(/^B\/1\d\d\/PP\.00\.05\/\d{4}$/);
  }, 240_000);

  it('the admin lokal opens the invitation from its notice, downloads the letter and uploads the presentation', async () => {
    const page = await as(ADMIN_LOKAL);
    await page.goto(url('/notifikasi'));
    const notice = page.getByRole('listitem').filter({ hasText: `Undangan presentasi ${w.followed.code}` });
    await notice.getByRole('button', { name: 'Buka' }).click();
    await page.waitForURL(`**/presentasi/${w.followed.id}`);
    await expect.poll(() => page.getByTestId('letter-number').textContent()).toBe(w.letter);
    await shoot(page, 'panel-flow-05-invitation');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh surat (PDF)' }).click(),
    ]);
    const letter = fs.readFileSync((await file.path())!);
    expect(letter.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(letter);
    expect(text).toContain(w.letter);
    // The letter names the finalist by its code (the title wraps over lines in the PDF's text).
    expect(text).toContain(w.followed.code);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'paparan.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Paparan') });
    await page.getByLabel('Tautan video').fill('https://video.example.id/antrean-pasien');
    await page.getByRole('button', { name: 'Kirim bahan' }).click();
    await expect.poll(() => page.getByText('Bahan presentasi tersimpan.').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('upload-current').textContent())
      .toContain('Berkas: paparan.pdf');
    await shoot(page, 'panel-flow-06-uploaded');
  }, 240_000);

  it("on the session's day a panelist scores the finalist on now from the live session on a phone", async () => {
    await moveClockTo(new Date(Date.parse(w.session.followedStartsAt) + 60_000), 'panel-flow-07-clock');
    const phone = await as(PANELIST, PHONE);
    await phone.goto(url(`/panel/kompetisi/${w.competitionId}/sesi`));
    await phone.getByRole('link', { name: 'Buka sesi: Sesi Pleno' }).click();
    await expect.poll(() => phone.getByTestId('shown-code').textContent()).toBe(w.followed.code);
    expect(await phone.getByTestId('phase').textContent()).toBe('Presentasi');
    const t1 = await phone.getByRole('timer').textContent();
    await expect.poll(() => phone.getByRole('timer').textContent()).not.toBe(t1);
    await shoot(phone, 'panel-flow-08-live-phone');
    await phone.getByRole('link', { name: `Nilai ${w.followed.code}` }).click();
    await phone.getByRole('heading', { name: 'Rubrik penilaian' }).waitFor();
    const inputs = phone.getByLabel(/^Nilai \(0–100\)/);
    await expect(inputs.count()).resolves.toBe(4);
    for (const [i, v] of ['90', '88', '80', '100'].entries()) await inputs.nth(i).fill(v);
    await phone.getByText(/^Tersimpan/).waitFor({ timeout: 15_000 });
    await phone.getByRole('button', { name: 'Kirim penilaian' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Kirim penilaian?' });
    // 90×30 + 88×50 + 80×10 + 100×10 over 100 = 89
    await dialog.getByText(/Nilai tertimbang Anda 89/).waitFor();
    await dialog.getByRole('button', { name: 'Ya, kirim' }).click();
    await phone.getByText(/Penilaian Anda sudah dikirim pada/).waitFor();
    await shoot(phone, 'panel-flow-09-scored-phone');
    // Back in the session: the finalist is scored, the next one a tap away.
    await phone.goBack();
    await expect.poll(() => phone.getByTestId('shown-code').textContent()).toBe(w.followed.code);
    await phone.getByRole('button', { name: 'Berikutnya' }).click();
    await expect.poll(() => phone.getByTestId('shown-code').textContent()).not.toBe(w.followed.code);
    await shoot(phone, 'panel-flow-10-next-phone');
    // The other finalists' scores, as their panelists, through the API.
    await scoreOpenByApi(
      server.ctx,
      w.stage.presentation.id,
      (a) => 70 + ((a.proposalId * 7 + a.reviewerId) % 25),
    );
    const open = await db()
      .selectFrom('review_assignments as a')
      .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
      .select('a.id')
      .where('a.stage_id', '=', w.stage.presentation.id)
      .where('a.status', '=', 'active')
      .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', '!=', 'submitted')]))
      .execute();
    expect(open).toHaveLength(0);
  }, 240_000);

  it('past the presentation, the secretariat plans a closed field visit the participant does not see', async () => {
    await moveClockTo(
      new Date(Date.parse(w.stage.field_verification.opensAt) + 2 * HOUR),
      'panel-flow-11-clock',
    );
    const page = await as(SECRETARIAT);
    await page.goto(url(`/sekretariat/kompetisi/${w.competitionId}`));
    await page.getByRole('link', { name: 'Verifikasi lapangan' }).click();
    await page.getByRole('heading', { name: 'Verifikasi lapangan', level: 1 }).waitFor();
    // A closed visit the next day (WIB), the demo panelist verifying: the participant is not told.
    await page.getByRole('button', { name: `Rencanakan kunjungan ke ${w.followed.code}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Tertutup' }).check();
    const box = dialog.getByRole('checkbox', { name: /^Dr\. Bambang Wijaya/ });
    if (!(await box.isChecked())) await box.check();
    await dialog
      .getByLabel(/^Alamat lokasi kunjungan/)
      .fill('RSUD Kabupaten Tangerang, Jl. Jend. Ahmad Yani 9');
    const next = new Date(Date.parse(w.stage.field_verification.opensAt) + DAY + 7 * HOUR);
    await dialog.getByLabel(/^Tanggal kunjungan/).fill(next.toISOString().slice(0, 10));
    await dialog.getByLabel(/^Jam mulai/).fill('09:00');
    await shoot(page, 'panel-flow-12-plan-visit');
    await dialog.getByRole('button', { name: 'Rencanakan kunjungan' }).click();
    await page.getByText(`Kunjungan ke ${w.followed.code} direncanakan.`).waitFor();
    await page.getByRole('article', { name: `${w.followed.code}, Tertutup` }).waitFor();
    const visit = await db()
      .selectFrom('field_visits')
      .select(['id', 'kind'])
      .where('proposal_id', '=', w.followed.id)
      .executeTakeFirstOrThrow();
    expect(visit.kind).toBe('closed');
    w.visitId = visit.id;
    // Closed: the admin lokal's view of the proposal lists no visit.
    const local = await as(ADMIN_LOKAL);
    const seen = await local.request.get(url(`/api/proposals/${w.followed.id}/field-visits`));
    expect(seen.status()).toBe(200);
    expect(JSON.stringify(await seen.json())).not.toContain('Ahmad Yani');
  }, 240_000);

  it('the verifier works on a phone offline, then online: everything arrives once', async () => {
    const page = await profiles.newPage(PHONE, {
      permissions: ['geolocation'],
      geolocation: { latitude: -6.2656, longitude: 106.4842, accuracy: 15 },
    });
    await logIn(page, server.baseUrl, PANELIST);
    await page.goto(url('/verifikasi-lapangan'));
    await page.getByRole('link', { name: `Buka ${w.followed.code}` }).click();
    await page.getByRole('heading', { name: 'Daftar periksa klaim finalis' }).waitFor();
    await expect.poll(() => page.getByText('Semua perubahan sudah terkirim').count()).toBe(1);
    await page.context().setOffline(true);
    await expect
      .poll(() => page.getByText('Tanpa koneksi — perubahan disimpan di perangkat').count())
      .toBe(1);
    const claims = page.getByRole('region').filter({ has: page.getByLabel('Terbukti') });
    const n = await claims.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await claims.nth(i).getByLabel('Terbukti').check();
    await page
      .locator('#field-photo-input')
      .setInputFiles({ name: 'loket.jpg', mimeType: 'image/jpeg', buffer: jpeg() });
    await page.getByLabel('Direkomendasikan', { exact: true }).check();
    await page.getByLabel('Ringkasan hasil verifikasi').fill('Layanan berjalan sesuai klaim proposal.');
    await page.getByLabel('Ringkasan hasil verifikasi').blur();
    await expect
      .poll(() => page.getByTestId('queue-count').textContent())
      .toBe(`${n + 3} perubahan menunggu dikirim`);
    await shoot(page, 'panel-flow-13-field-offline-phone');
    await page.context().setOffline(false);
    await expect
      .poll(() => page.getByTestId('queue-count').textContent(), { timeout: 20_000 })
      .toBe('Semua perubahan sudah terkirim');
    const photos = await db()
      .selectFrom('field_photos')
      .select('id')
      .where('visit_id', '=', w.visitId)
      .execute();
    expect(photos).toHaveLength(1);
    const findings = await db()
      .selectFrom('field_findings')
      .select('status')
      .where('visit_id', '=', w.visitId)
      .execute();
    expect(findings.map((f) => f.status)).toEqual(Array.from({ length: n }, () => 'confirmed'));
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => page.getByText('Laporan sudah dikirim dan hanya dapat dibaca.').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await shoot(page, 'panel-flow-14-field-sent-phone');
    await page.context().close();
  }, 240_000);

  it('in the final session the panel decides: the followed finalist in the browser, the rest through the API', async () => {
    await moveClockTo(new Date(Date.parse(w.stage.final_panel.opensAt) + 2 * HOUR), 'panel-flow-20-clock');
    const page = await as(PANELIST);
    // The demo panelist sits on two panels: the menu names each by its competition.
    await page.getByRole('navigation').getByRole('link', { name: 'Sidang panel · KIPP Demo Panel' }).click();
    await page.getByRole('heading', { name: 'Sidang Tim Panel Independen', level: 1 }).waitFor();
    expect(page.url()).toBe(url(`/panel/kompetisi/${w.competitionId}/sidang`));
    const card = page.getByRole('article', { name: w.followed.title });
    // The field finding and the presentation score are in front of the panel.
    await card
      .getByText(/Direkomendasikan/)
      .first()
      .waitFor();
    await shoot(page, 'panel-flow-21-plenary');
    await card.getByLabel(/^Keputusan/).click();
    await page.getByRole('option', { name: 'Top 45 Inovasi Pelayanan Publik Terpuji', exact: true }).click();
    await card.getByLabel(/^Alasan keputusan/).fill('Waktu layanan turun drastis dan terbukti di lapangan.');
    await card.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.getByText(/Keputusan atas .* disimpan\./).waitFor();
    await shoot(page, 'panel-flow-22-decided');
    await decideTheRestByApi();
    const decisions = await db()
      .selectFrom('panel_decisions')
      .select(['proposal_id', 'award_key'])
      .where('stage_id', '=', w.stage.final_panel.id)
      .execute();
    expect(decisions).toHaveLength(w.finalists.length);
    expect(decisions.find((d) => d.proposal_id === w.followed.id)?.award_key).toBe('top45');
  }, 240_000);

  it('the secretariat publishes the results with the decree after confirming; certificates follow', async () => {
    const page = await as(SECRETARIAT);
    await page.goto(url(`/sekretariat/kompetisi/${w.competitionId}/sidang`));
    await page.getByRole('heading', { name: 'Pengaturan sidang', level: 2 }).waitFor();
    const ceremony = new Date(Date.parse(w.stage.announcement.opensAt) + 3 * DAY + 7 * HOUR);
    await page.getByLabel(/^Tanggal dan jam/).fill(ceremony.toISOString().slice(0, 11) + '09:00');
    await page.getByLabel(/^Tempat/).fill('Istana Wakil Presiden, Jakarta');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan sidang disimpan.').waitFor();
    await page.getByLabel(/^Nomor keputusan/).fill(DECREE);
    await page.getByRole('button', { name: 'Umumkan hasil…' }).click();
    const dialog = page.getByRole('dialog', { name: `Umumkan hasil ${w.finalists.length} finalis?` });
    await dialog.getByText(/tidak dapat dibatalkan/).waitFor();
    await shoot(page, 'panel-flow-30-publish-confirm');
    await dialog.getByRole('button', { name: 'Ya, umumkan hasil' }).click();
    await page.getByText(new RegExp(`Hasil telah diumumkan pada .* WIB dengan ${escape(DECREE)}`)).waitFor();
    await shoot(page, 'panel-flow-31-published');
    const award = await db()
      .selectFrom('awards')
      .select('level')
      .where('competition_id', '=', w.competitionId)
      .where('proposal_id', '=', w.followed.id)
      .execute();
    expect(award.map((a) => a.level).sort()).toEqual(['TOP45', 'TOP99']);
  }, 240_000);

  it('the admin lokal downloads the certificate; its printed address says genuine, a changed one not valid', async () => {
    const page = await as(ADMIN_LOKAL);
    await page.goto(url('/piagam'));
    await page.getByRole('heading', { name: 'Piagam saya', level: 1 }).waitFor();
    const card = page.getByRole('article').filter({ hasText: w.followed.title }).first();
    await card.waitFor();
    const number = (await card.locator('[id^="certificate-"]').first().textContent())!;
    const download = card.getByRole('button', { name: `Unduh PDF ${number}` });
    await expect.poll(() => download.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const text = pdfText(fs.readFileSync((await file.path())!));
    expect(text).toContain(number);
    expect(text).toContain(w.followed.title);
    w.verificationUrl = (await card
      .getByRole('link', { name: 'Buka alamat verifikasi' })
      .getAttribute('href'))!;
    expect(text).toContain(w.verificationUrl);
    await shoot(page, 'panel-flow-40-certificates');

    const anyone = await profiles.newPage(PHONE);
    await anyone.goto(w.verificationUrl);
    const verdict = anyone.getByTestId('certificate-verdict');
    await verdict.getByText('Piagam ini asli').waitFor();
    await verdict.getByText(w.followed.title).waitFor();
    await shoot(anyone, 'panel-flow-41-genuine-phone');
    // The same code under another certificate's number (a changed number) is not valid.
    const changed = w.verificationUrl.replace(/(\d)\?k=/, (_m, d: string) => `${(Number(d) + 1) % 10}?k=`);
    expect(changed).not.toBe(w.verificationUrl);
    await anyone.goto(changed);
    await verdict.getByText('Piagam ini tidak valid').waitFor();
    await shoot(anyone, 'panel-flow-42-not-valid-phone');
  }, 240_000);

  it('the public reads the results with the decree', async () => {
    const page = await profiles.newPage(PHONE);
    await page.goto(url(`/kompetisi/${w.competitionId}/hasil`));
    await page.getByText(DECREE).waitFor();
    await page.getByRole('listitem').filter({ hasText: w.followed.title }).waitFor();
    await shoot(page, 'panel-flow-50-public-results-phone');
  }, 120_000);

  /** The other finalists' decisions through the API, as the demo panelist: each group's award, with a reason. */
  async function decideTheRestByApi(): Promise<void> {
    const cookie = await sessionCookie(server.ctx, await userId(PANELIST));
    const award: Record<string, string> = { umum: 'top45', replikasi: 'top5_replikasi', khusus: 'khusus' };
    for (const [i, f] of w.finalists.entries()) {
      if (f.id === w.followed.id) continue;
      const res = await server.ctx.app.inject({
        method: 'PUT',
        url: `/api/competitions/${w.competitionId}/final-session/decisions/${f.id}`,
        headers: { cookie },
        payload: {
          awardKey: i % 2 === 0 ? (award[f.groupKey] ?? null) : null,
          reason: 'Diputuskan dalam sidang pleno Tim Panel Independen.',
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
