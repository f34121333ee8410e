import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAST_YEAR_DEMO } from '../../src/seed/demo-last-year.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * The owner's side of the gallery in the browser (issue 14 points 1 and 4), on the demo with last year's
 * KIPP: the admin lokal of an institution owning one of last year's finalists sets the contact for
 * replication, marks an evidence file public, confirms the innovation "berhenti" with a reason, and
 * consents to show one of its non-finalist proposals; a visitor without an account sees all of it on
 * /galeri/:slug and in the list. Desktop and phone screenshots, axe on every screen.
 */
const PHONE = { width: 390, height: 844 };

describe('the owner of last year’s finalist manages it in the gallery; a visitor sees it', () => {
  let server: E2EServer;
  let profiles: Profiles;
  const s = {} as {
    adminEmail: string;
    finalist: { id: number; title: string; slug: string };
    other: { id: number; title: string };
    file: { id: number; name: string };
  };

  beforeAll(async () => {
    server = await startDemoServer({}, { lastYear: true });
    profiles = await openProfiles();
    const { db } = server.ctx;
    const competition = await db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', LAST_YEAR_DEMO.code)
      .executeTakeFirstOrThrow();
    // The finalists of last year with an evidence file, by institution.
    const finalists = await db
      .selectFrom('gallery_entries as e')
      .innerJoin('proposals as p', 'p.id', 'e.proposal_id')
      .innerJoin('proposal_attachments as a', 'a.proposal_id', 'p.id')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select(['p.id', 'p.title', 'e.slug', 'p.institution_id', 'a.id as file_id', 'f.original_name'])
      .where('e.competition_id', '=', competition.id)
      .where('e.basis', '=', 'finalist')
      .orderBy('p.id')
      .orderBy('a.id')
      .execute();
    // The institution's proposals of last year that reached the competition and were not finalists.
    for (const f of finalists) {
      const other = await db
        .selectFrom('proposals')
        .select(['id', 'title'])
        .where('competition_id', '=', competition.id)
        .where('institution_id', '=', f.institution_id)
        .where('state', 'in', ['received', 'passed_admin', 'incomplete'])
        .orderBy('id')
        .executeTakeFirst();
      const admin = await db
        .selectFrom('users as u')
        .innerJoin('role_grants as g', 'g.user_id', 'u.id')
        .select('u.email')
        .where('g.role', '=', 'local_admin')
        .where('g.institution_id', '=', f.institution_id)
        .where('u.email', 'like', 'adminlokal.%@demo.sinovik.id')
        .executeTakeFirst();
      if (!other || !admin) continue;
      s.adminEmail = admin.email;
      s.finalist = { id: f.id, title: f.title, slug: f.slug };
      s.other = other;
      s.file = { id: f.file_id, name: f.original_name };
      break;
    }
    expect(s.adminEmail, 'an institution with a finalist, a file and a non-finalist').toBeTruthy();
  }, 300_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('the admin lokal sets the contact, opens a file, confirms "berhenti" and consents a non-finalist', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, s.adminEmail);
    await page.getByRole('link', { name: 'Galeri inovasi instansi' }).first().click();
    await page.getByRole('heading', { name: 'Inovasi instansi di galeri publik', level: 1 }).waitFor();
    const card = (title: string) =>
      page.locator('li').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    const fin = card(s.finalist.title);
    await fin.getByText('Tampil karena finalis').waitFor();
    await expect(fin.getByRole('button', { name: 'Tarik dari galeri' }).count()).resolves.toBe(0);
    await shoot(page, 'gallery-owner-page-desktop');

    // The contact: a wrong phone is named beside its field, then saved.
    await fin.getByRole('button', { name: 'Ubah kontak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('Rina Kartika');
    await dialog.getByLabel('Jabatan / unit').fill('Kepala Seksi Inovasi');
    await dialog.getByLabel('E-mail').fill('inovasi@demo.sinovik.id');
    await dialog.getByLabel('Telepon').fill('12345');
    await dialog.getByRole('button', { name: 'Simpan kontak' }).click();
    await dialog
      .getByText('Tulis nomor telepon Indonesia, mis. 0812 3456 7890 atau (021) 739 8381.')
      .waitFor();
    await shoot(page, 'gallery-owner-contact-error-desktop');
    await dialog.getByLabel('Telepon').fill('0812 3456 7890');
    await dialog.getByRole('button', { name: 'Simpan kontak' }).click();
    await page.getByText('Kontak disimpan.').waitFor();
    await fin
      .getByText(/Rina Kartika · Kepala Seksi Inovasi · inovasi@demo\.sinovik\.id · \+6281234567890/)
      .waitFor();

    // One evidence file public.
    // The box shows what the server holds: it turns checked once the change is saved.
    const box = fin.getByRole('checkbox', { name: `Publik: ${s.file.name}` });
    await box.click();
    await page.getByText(`"${s.file.name}" kini dapat diunduh publik.`).waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);

    // Halted: the reason is required.
    const year = new Date().getUTCFullYear();
    await fin.getByRole('radio', { name: 'Berhenti' }).check();
    // The demo seeds this year's statuses (one halted with its reason): the reason is emptied first.
    await fin.getByLabel('Alasan berhenti').fill('');
    await fin.getByRole('button', { name: 'Konfirmasi status' }).click();
    await fin.getByText('Tuliskan alasan inovasi ini berhenti.').waitFor();
    await fin.getByLabel('Alasan berhenti').fill('Anggaran dialihkan ke layanan kesehatan dasar.');
    await fin.getByRole('button', { name: 'Konfirmasi status' }).click();
    await fin.getByText(`Sudah dikonfirmasi untuk ${year}: Berhenti.`).waitFor();

    // Consent to show a non-finalist: the dialog says what becomes public and that it can be withdrawn.
    const other = card(s.other.title);
    await other.getByText('Tidak tampil di galeri').waitFor();
    await other.getByRole('button', { name: 'Tampilkan di galeri' }).click();
    await dialog.getByText(/dapat dibaca dan dicari oleh siapa saja tanpa akun/).waitFor();
    await dialog.getByText(/Persetujuan ini dapat ditarik kapan saja/).waitFor();
    await shoot(page, 'gallery-owner-consent-dialog-desktop');
    await dialog.getByRole('button', { name: 'Tampilkan di galeri' }).click();
    await other.getByText('Tampil atas persetujuan instansi').waitFor();
    await other.getByRole('button', { name: 'Tarik dari galeri' }).waitFor();
    await shoot(page, 'gallery-owner-page-after-desktop');

    // In English: the same page, and a field error in English.
    const en = await profiles.newPage();
    await logIn(en, server.baseUrl, s.adminEmail);
    await en.goto(`${server.baseUrl}/instansi/galeri`);
    await en.getByText('EN', { exact: true }).first().click();
    await en
      .getByRole('heading', { name: "The institution's innovations in the public gallery", level: 1 })
      .waitFor();
    const enCard = en
      .locator('li')
      .filter({ has: en.getByRole('heading', { name: s.finalist.title, exact: true }) });
    await enCard.getByText('Shown as a finalist').waitFor();
    await enCard.getByRole('button', { name: 'Edit contact' }).click();
    const enDialog = en.getByRole('dialog');
    await enDialog.getByLabel('E-mail').fill('not-an-address');
    await enDialog.getByRole('button', { name: 'Save contact' }).click();
    await enDialog.getByText('Write a valid e-mail address, e.g. innovation@agency.go.id.').waitFor();
    await shoot(en, 'gallery-owner-contact-error-en');
    await en.context().close();

    const phone = await profiles.newPage(PHONE);
    await logIn(phone, server.baseUrl, s.adminEmail);
    await phone.goto(`${server.baseUrl}/instansi/galeri`);
    await phone.getByRole('heading', { name: s.finalist.title }).waitFor();
    await shoot(phone, 'gallery-owner-page-phone');
  }, 180_000);

  for (const [label, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const)
    it(`a visitor sees the status, the contact and the public file, and the consented innovation (${label})`, async () => {
      const page = await profiles.newPage(viewport);
      await page.goto(`${server.baseUrl}/galeri/${s.finalist.slug}`);
      await page.getByRole('heading', { name: s.finalist.title, level: 1 }).waitFor();
      const status = page
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: 'Status inovasi' }) });
      await status.getByText('Berhenti', { exact: true }).waitFor();
      await status.getByText('Alasan: Anggaran dialihkan ke layanan kesehatan dasar.').waitFor();
      await page.getByText('Rina Kartika').waitFor();
      await page.getByRole('link', { name: 'inovasi@demo.sinovik.id' }).waitFor();
      const download = page.getByRole('link', { name: `Unduh ${s.file.name}` });
      const href = await download.getAttribute('href');
      const res = await fetch(`${server.baseUrl}${href}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      await shoot(page, `gallery-owner-entry-${label}`);

      // The list: the finalist's card says "Berhenti"; the consented innovation is found by its title.
      await page.goto(`${server.baseUrl}/galeri?q=${encodeURIComponent(s.finalist.title)}`);
      const item = page.locator('li').filter({ has: page.getByRole('link', { name: s.finalist.title }) });
      await item.getByText('Berhenti', { exact: true }).waitFor();
      await shoot(page, `gallery-owner-list-${label}`);
      await page.goto(`${server.baseUrl}/galeri?q=${encodeURIComponent(s.other.title)}`);
      await page.getByRole('link', { name: s.other.title }).first().click();
      await page.getByRole('heading', { name: s.other.title, level: 1 }).waitFor();
      await page.getByText('Instansi belum mencantumkan kontak untuk replikasi.').waitFor();
    }, 120_000);
});
