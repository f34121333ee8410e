import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANEL_DEMO } from '../../src/seed/demo-panel.js';
import { pdfText } from '../helpers/pdf.js';
import {
  SHOTS_DIR,
  logIn,
  openProfiles,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * The secretariat's presentation schedule (issue 13 point 2) in Chromium on the panel demo (KIPP-PANEL,
 * its finalists, the presentation stage open now): the settings saved after a field error, a session made
 * after a refused meeting link, "Jadwalkan otomatis" placing every finalist, a hand move refused with
 * the API's reason and then one accepted, the publication after the confirmation naming its
 * consequences, and the letters' numbers; the page on a 390 px phone; admin lokal and evaluator refused.
 * Screenshots: test-results/screenshots/presentation-*.png (each screen checked with axe-core).
 */
describe('the presentation schedule in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId = 0;
  let year = 0;
  /** The demo's final list (nine finalists at the time of writing). */
  let finalists = 0;
  /** A day inside the presentation window (the day after tomorrow, WIB) as the date inputs take it. */
  let day = '';
  const url = () => `${server.baseUrl}/sekretariat/kompetisi/${competitionId}/presentasi`;
  const api = () => `${server.baseUrl}/api/competitions/${competitionId}/presentation`;

  beforeAll(async () => {
    server = await startDemoServer({}, { panel: true });
    profiles = await openProfiles();
    const c = await server.ctx.db
      .selectFrom('competitions')
      .select(['id', 'year'])
      .where('code', '=', PANEL_DEMO.code)
      .executeTakeFirstOrThrow();
    competitionId = c.id;
    year = c.year;
    finalists = (
      await server.ctx.db
        .selectFrom('proposals')
        .select('id')
        .where('competition_id', '=', c.id)
        .where('state', '=', 'finalist')
        .execute()
    ).length;
    const wib = new Date(server.ctx.clock.now().getTime() + 2 * 86_400_000 + 7 * 3_600_000);
    day = wib.toISOString().slice(0, 10);
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  /** The schedule as the API gives it to the signed-in page. */
  const view = async (page: Page) => (await page.request.get(api())).json();

  it('settings, a session, automatic placement, hand moves, publication with the letter numbers', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    // Found from the competition's page, like its other judging pages.
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}`);
    await page.getByRole('link', { name: 'Jadwal presentasi' }).click();
    await page.getByRole('heading', { name: 'Jadwal presentasi dan wawancara', level: 1 }).waitFor();
    await page.getByText('Belum ada sesi. Tambahkan sesi sebelum menjadwalkan finalis.').waitFor();
    expect(await page.getByRole('button', { name: 'Jadwalkan otomatis' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Umumkan jadwal' }).isDisabled()).toBe(true);
    await page.getByText('Isi batas unggah bahan di pengaturan sebelum mengumumkan.').waitFor();
    await shoot(page, 'presentation-01-empty');

    // Settings: a pattern without {n} is refused on its field, then saved.
    await page.getByLabel(/^Pola nomor surat/).fill('B/PP.00.05/{year}');
    await page.getByLabel(/^Nomor urut surat pertama/).fill('41');
    await page.getByLabel(/^Batas unggah bahan: tanggal/).fill(day);
    await page.getByLabel(/^Jam \(WIB\)/).fill('23:59');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText(/^Pola nomor surat harus memuat \{n\} \(nomor urut\)/).waitFor();
    expect(await page.getByLabel(/^Pola nomor surat/).getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'presentation-02-settings-error');
    await page.getByLabel(/^Pola nomor surat/).fill('B/{n}/PP.00.05/{year}');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();
    await page.getByText(`Contoh surat pertama: B/41/PP.00.05/${year}`).waitFor();
    expect((await view(page)).settings).toMatchObject({
      letterStart: 41,
      letterPattern: 'B/{n}/PP.00.05/{year}',
    });

    // A session: a meeting link without https:// is refused on its field, then the session is made.
    await page.getByRole('button', { name: 'Tambah sesi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
    await dialog.getByLabel(/^Nama sesi/).fill('Sesi Pagi');
    await dialog.getByLabel(/^Tanggal/).fill(day);
    await dialog.getByLabel(/^Mulai \(WIB\)/).fill('08:00');
    await dialog.getByLabel(/^Selesai \(WIB\)/).fill('13:00');
    await dialog.getByLabel('Daring (tautan rapat)').check();
    await dialog.getByLabel(/^Tautan rapat/).fill('http://zoom.example.id/j/77');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Tautan rapat harus diawali https://.').waitFor();
    await shoot(page, 'presentation-03-session-error');
    await dialog.getByLabel(/^Tautan rapat/).fill('https://zoom.example.id/j/77');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Sesi Sesi Pagi disimpan.').waitFor();
    await page.getByRole('heading', { name: 'Sesi Pagi', level: 3 }).waitFor();
    await page.getByText(`Finalis tanpa slot (${finalists})`).waitFor();

    // Automatic placement: every finalist gets a slot.
    await page.getByRole('button', { name: 'Jadwalkan otomatis' }).click();
    await page.getByText(`${finalists} finalis ditempatkan.`).waitFor();
    await page
      .getByTestId('all-placed')
      .getByText(`Semua ${finalists} finalis sudah mendapat slot.`)
      .waitFor();
    const placed = await view(page);
    const slots = placed.sessions[0].slots as {
      slot: number;
      finalist: { id: number; code: string } | null;
    }[];
    expect(finalists).toBeGreaterThanOrEqual(8);
    expect(slots.filter((s) => s.finalist)).toHaveLength(finalists);
    expect(placed.unplaced).toEqual([]);
    await shoot(page, 'presentation-04-placed');

    // A hand move onto a taken slot is refused with the reason; onto a free one it is made.
    const first = slots.find((s) => s.slot === 1)!.finalist!;
    const free = slots.find((s) => !s.finalist)!;
    await page.getByRole('button', { name: 'Pindahkan finalis' }).click();
    const move = page.getByRole('dialog', { name: 'Pindahkan finalis' });
    await move.getByLabel('Finalis').selectOption(String(first.id));
    await move.getByLabel('Slot tujuan').selectOption('2');
    await move.getByRole('button', { name: 'Pindahkan' }).click();
    await move.getByText('Slot 2 di Sesi Pagi sudah terisi.').waitFor();
    await shoot(page, 'presentation-05-move-refused');
    await move.getByLabel('Slot tujuan').selectOption(String(free.slot));
    await move.getByRole('button', { name: 'Pindahkan' }).click();
    await page.getByText(new RegExp(`^${first.code} dipindahkan ke `)).waitFor();
    const moved = await view(page);
    expect(moved.sessions[0].slots[free.slot - 1].finalist.id).toBe(first.id);
    expect(moved.sessions[0].slots[0].finalist).toBeNull();

    // Publication: the confirmation names the consequences and the first number.
    await page.getByRole('button', { name: 'Umumkan jadwal' }).click();
    const confirm = page.getByRole('dialog', { name: `Umumkan jadwal untuk ${finalists} finalis?` });
    await confirm
      .getByText(`mulai B/41/PP.00.05/${year} (pola B/{n}/PP.00.05/{year})`, { exact: false })
      .waitFor();
    await confirm.getByText(/ke admin lokal dan UPP setiap finalis/).waitFor();
    await confirm.getByText(/Pengumuman tidak dapat dibatalkan/).waitFor();
    await shoot(page, 'presentation-06-confirm');
    await confirm.getByRole('button', { name: 'Umumkan dan kirim surat' }).click();
    await page
      .getByText(new RegExp(`^Jadwal diumumkan: ${finalists} surat undangan, \\d+ surel\\.$`))
      .waitFor();
    await page.getByText(/^Jadwal diumumkan .* Sesi tidak dapat diubah lagi/).waitFor();
    const numbers = Array.from({ length: finalists }, (_, i) => `B/${41 + i}/PP.00.05/${year}`);
    for (const n of numbers) await page.getByRole('table').getByText(n, { exact: true }).waitFor();
    expect(((await view(page)).letters as { number: string }[]).map((l) => l.number).sort()).toEqual(
      [...numbers].sort(),
    );
    // Published: the sessions and the placement are fixed.
    expect(await page.getByRole('button', { name: 'Tambah sesi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Jadwalkan otomatis' }).count()).toBe(0);
    await shoot(page, 'presentation-07-published');
    // The secretariat downloads a letter as the finalist receives it.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Unduh PDF surat ${numbers[0]}` }).click(),
    ]);
    const pdf = fs.readFileSync((await file.path())!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(pdf)).toContain(numbers[0]);
  });

  it('rescheduling requests: one accepted into a chosen slot (letter re-issued), one refused with a reason', async () => {
    // The admin lokal of Kab. Tangerang asks through the participants' API for two of its finalists.
    const local = await profiles.newPage();
    await logIn(local, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    const sec = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(sec, server.baseUrl, 'sekretariat@demo.sinovik.id');
    const before = await view(sec);
    const slotOf = (code: string) =>
      (
        before.sessions[0].slots as { slot: number; startsAt: string; finalist: { code: string } | null }[]
      ).find((x) => x.finalist?.code === code)!;
    const [a, b] = ['KIPP-PANEL-2026-00002', 'KIPP-PANEL-2026-00003'].map((code) =>
      (before.letters as { proposalId: number; code: string }[]).find((l) => l.code === code)!,
    );
    const ask = (proposalId: number, reason: string, from: string) =>
      local.request.post(`${server.baseUrl}/api/presentation/proposals/${proposalId}/reschedule`, {
        data: {
          reason,
          unavailable: [{ from, to: new Date(Date.parse(from) + 30 * 60_000).toISOString() }],
        },
      });
    expect(
      (
        await ask(
          a!.proposalId,
          'Bupati menghadiri rapat koordinasi pada pagi hari.',
          slotOf(a!.code).startsAt,
        )
      ).status(),
    ).toBe(201);
    expect(
      (
        await ask(b!.proposalId, 'Tim inovasi sedang dinas luar kota pada jam itu.', slotOf(b!.code).startsAt)
      ).status(),
    ).toBe(201);

    await sec.goto(url());
    const requests = sec.getByRole('region', { name: 'Permintaan perubahan jadwal' });
    await requests.getByText('Bupati menghadiri rapat koordinasi pada pagi hari.').first().waitFor();
    await shoot(sec, 'presentation-08-requests');

    // Accepted into the free slot 11: the finalist moves and its letter is re-issued with the next number.
    await sec
      .getByRole('button', { name: `Terima permintaan ${a!.code}` })
      .first()
      .click();
    const accept = sec.getByRole('dialog', { name: `Terima permintaan ${a!.code}?` });
    await accept.getByText(/suratnya diterbitkan ulang dengan nomor baru/).waitFor();
    const target = (before.sessions[0].slots as { slot: number; finalist: unknown }[])
      .filter((x) => !x.finalist)
      .pop()!;
    await accept.getByLabel('Slot baru').selectOption(`${before.sessions[0].id}:${target.slot}`);
    await shoot(sec, 'presentation-09-accept');
    await accept.getByRole('button', { name: 'Terima dan pindahkan' }).click();
    await sec.getByText(new RegExp(`^Permintaan ${a!.code} diterima; finalis dipindahkan ke `)).waitFor();
    const after = await view(sec);
    expect(after.sessions[0].slots[target.slot - 1].finalist.code).toBe(a!.code);
    const reissued = (after.letters as { code: string; number: string; revision: number }[]).find(
      (l) => l.code === a!.code,
    )!;
    expect(reissued).toMatchObject({ number: `B/${41 + finalists}/PP.00.05/${year}`, revision: 2 });
    await sec.getByRole('table').getByText(reissued.number, { exact: true }).waitFor();

    // Refused: the reason is required (the API's message on the field), then the refusal is recorded.
    await sec
      .getByRole('button', { name: `Tolak permintaan ${b!.code}` })
      .first()
      .click();
    const refuse = sec.getByRole('dialog', { name: `Tolak permintaan ${b!.code}?` });
    await refuse.getByRole('button', { name: 'Tolak permintaan' }).click();
    await refuse.getByText('Tuliskan alasan penolakan.').waitFor();
    await refuse.getByLabel(/^Alasan penolakan/).fill('Semua slot lain pada hari itu sudah terisi.');
    await refuse.getByRole('button', { name: 'Tolak permintaan' }).click();
    await sec.getByText(`Permintaan ${b!.code} ditolak.`).waitFor();
    await requests
      .getByText('Alasan penolakan: Semua slot lain pada hari itu sudah terisi.')
      .first()
      .waitFor();
    const decided = (await view(sec)).requests as { code: string; status: string }[];
    expect(decided.map((r) => [r.code, r.status]).sort()).toEqual([
      [a!.code, 'accepted'],
      [b!.code, 'refused'],
    ]);
    await shoot(sec, 'presentation-10-decided');
  });

  it('on a 390 px phone every slot and letter is a card with its labels', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(url());
    await phone.getByRole('heading', { name: 'Jadwal presentasi dan wawancara', level: 1 }).waitFor();
    await phone.getByText(`B/42/PP.00.05/${year}`, { exact: true }).last().waitFor();
    await shoot(phone, 'presentation-11-phone');
    // Parts of the long phone page, to look at: the top, a session's first slots, the letters.
    await phone.screenshot({ path: `${SHOTS_DIR}/presentation-12-phone-top.png` });
    await phone.getByRole('heading', { name: 'Sesi Pagi' }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS_DIR}/presentation-13-phone-session.png` });
    await phone.getByRole('heading', { name: 'Surat undangan yang berlaku' }).scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS_DIR}/presentation-14-phone-letters.png` });
  });

  it('the page reads in English', async () => {
    const en = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(en, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await en.evaluate(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(url());
    await en.getByRole('heading', { name: 'Presentation and interview schedule', level: 1 }).waitFor();
    await en.getByRole('heading', { name: 'Invitation letters in force' }).waitFor();
    await en.getByText(/^Schedule published .* Sessions can no longer change/).waitFor();
    await shoot(en, 'presentation-15-en');
  });

  it('an admin lokal and an evaluator are refused (403)', async () => {
    for (const email of ['adminlokal.tangerang@demo.sinovik.id', 'evaluator@demo.sinovik.id']) {
      const page = await profiles.newPage();
      await logIn(page, server.baseUrl, email);
      expect((await page.request.get(api())).status()).toBe(403);
    }
  });
});
