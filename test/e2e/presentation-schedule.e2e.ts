import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PANEL_DEMO } from '../../src/seed/demo-panel.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

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
  });

  it('on a 390 px phone every slot and letter is a card with its labels', async () => {
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(url());
    await phone.getByRole('heading', { name: 'Jadwal presentasi dan wawancara', level: 1 }).waitFor();
    await phone.getByText(`B/41/PP.00.05/${year}`).first().waitFor();
    await shoot(phone, 'presentation-08-phone');
  });

  it('an admin lokal and an evaluator are refused (403)', async () => {
    for (const email of ['adminlokal.tangerang@demo.sinovik.id', 'evaluator@demo.sinovik.id']) {
      const page = await profiles.newPage();
      await logIn(page, server.baseUrl, email);
      expect((await page.request.get(api())).status()).toBe(403);
    }
  });
});
