import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  logIn,
  openProfiles,
  pick,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';
import { samplePdf } from '../../src/seed/sample-pdf.js';

const UPP = 'upp.tangerang@demo.sinovik.id';
const ADMIN_LOKAL = 'adminlokal.tangerang@demo.sinovik.id';
const TITLE = 'Layanan Terapi Wicara Anak di Puskesmas';
const ACRONYM = 'TERAPI CERIA';
/** The eight sections of the KIPP umum form, in order. */
const SECTIONS = [
  'Ringkasan',
  'Latar Belakang dan Tujuan',
  'Kebaruan/Nilai Tambah',
  'Implementasi Inovasi',
  'Signifikansi',
  'Adaptabilitas',
  'Sumber Daya',
  'Strategi Keberlanjutan',
];

/** A paragraph of `n` words, for sections with a word limit. */
const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? seed : `kata${i}`)).join(' ');

describe('submission path, in Chromium: write, upload, send, return, resend, forward, closing receipt', () => {
  let server: E2EServer;
  let profiles: Profiles;

  async function loggedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, email);
    return page;
  }

  beforeAll(async () => {
    server = await startDemoServer({}, { demoLinks: true });
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('takes one proposal from a blank draft to the receipt e-mail after closing', async () => {
    // 1. The UPP starts a draft from its proposal list.
    const upp = await loggedIn(UPP);
    await upp.waitForURL((url) => url.pathname === '/usulan');
    await upp.getByRole('button', { name: 'Buat proposal' }).click();
    await pick(upp, 'Kompetisi', 'Kompetisi Inovasi Pelayanan Publik 2026');
    await pick(upp, 'Kelompok', 'Umum');
    await upp.getByLabel('Judul inovasi').fill(TITLE);
    await shoot(upp, 'sub-01-upp-create');
    await upp.getByRole('button', { name: 'Buat draf' }).click();
    await upp.waitForURL(/\/usulan\/\d+$/);
    const proposalId = Number(new URL(upp.url()).pathname.split('/').pop());

    // 2. It fills the identity and every section; autosave says when it was saved.
    await upp.getByLabel('Akronim').fill(ACRONYM);
    await upp.getByLabel('Kategori').selectOption({ label: 'Kesehatan' });
    await upp.getByLabel('Mulai diterapkan').fill('2022-02-14');
    await upp.locator('label', { hasText: /^Tim$/ }).click();
    await upp.getByLabel('Nama inovator').fill('Tim Terapi Wicara RSUD Kabupaten Tangerang');
    await upp.getByLabel('Nama narahubung').fill('Agus Pratama');
    await upp.getByLabel('Telepon narahubung').fill('081211112222');
    await upp.getByLabel('E-mail narahubung').fill('terapi.ceria@rsud.tangerangkab.go.id');
    for (const [i, label] of SECTIONS.entries())
      await upp.getByLabel(new RegExp(`^${label}`)).fill(words(i === 0 ? 150 : 60, `Bagian${i + 1}`));
    await upp.getByRole('checkbox', { name: /Saya menyatakan/ }).check();
    await expect.poll(() => upp.getByText(/Tersimpan \d/).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // 2b. The connection drops while it types: it is warned, the text stays, and it is saved once back online.
    await upp.context().setOffline(true);
    await upp
      .getByLabel('Nama inovator')
      .fill('Tim Terapi Wicara RSUD Kabupaten Tangerang (dr. Rina, Sp.KFR)');
    await expect
      .poll(() => upp.getByText('Belum tersimpan — akan dicoba lagi', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await shoot(upp, 'sub-02a-upp-offline-warning');
    // The warning stays in view while the UPP types further down the form.
    await upp.getByRole('checkbox', { name: /Saya menyatakan/ }).scrollIntoViewIfNeeded();
    const warning = await upp
      .getByRole('alert')
      .filter({ hasText: 'Belum tersimpan — akan dicoba lagi' })
      .boundingBox();
    expect(warning).not.toBeNull();
    expect(warning!.y).toBeGreaterThanOrEqual(0);
    expect(warning!.y + warning!.height).toBeLessThanOrEqual(upp.viewportSize()!.height);
    await upp.context().setOffline(false);
    // The editor retries by itself with backoff; "Coba sekarang" only saves the wait when still shown.
    const retry = upp.getByRole('button', { name: 'Coba sekarang' });
    if (await retry.isVisible()) await retry.click();
    await expect.poll(() => upp.getByText(/Tersimpan \d/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const saved = await server.ctx.db
      .selectFrom('proposals')
      .select('innovator_names')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(saved.innovator_names).toBe('Tim Terapi Wicara RSUD Kabupaten Tangerang (dr. Rina, Sp.KFR)');

    // 3. It uploads one piece of evidence and watches it arrive; the space used counts it at once.
    await upp.getByText(/^0 MB dari \d+ MB terpakai$/).waitFor();
    const evidencePdf = samplePdf('Laporan Evaluasi Terapi Wicara');
    await upp.getByLabel('Unggah berkas bukti').setInputFiles({
      name: 'laporan-evaluasi-terapi.pdf',
      mimeType: 'application/pdf',
      buffer: evidencePdf,
    });
    await expect
      .poll(() => upp.getByText('laporan-evaluasi-terapi.pdf').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await upp
      .getByText(
        new RegExp(`^${Math.max(1, Math.round(evidencePdf.length / 1024))} KB dari \\d+ MB terpakai$`),
      )
      .waitFor();
    await expect
      .poll(() =>
        upp.getByText(/Semua isian wajib sudah lengkap dan proposal memenuhi syarat kelompok/).count(),
      )
      .toBe(1);
    await shoot(upp, 'sub-02-upp-editor-complete');

    // 4. It sends the proposal to its admin lokal.
    await upp.getByRole('button', { name: 'Kirim ke Admin Lokal' }).click();
    await upp.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await expect.poll(() => upp.getByText('Proposal dikirim ke Admin Lokal.').count()).toBe(1);
    await expect
      .poll(() => upp.getByText(/sedang diperiksa Admin Lokal .* paling lambat .*WIB/).count())
      .toBe(1);
    await shoot(upp, 'sub-03-upp-sent');

    // 5. The admin lokal finds it needing action and returns it with a note (on a phone).
    const admin = await loggedIn(ADMIN_LOKAL, { width: 390, height: 844 });
    await admin.goto(`${server.baseUrl}/usulan`);
    await admin.getByRole('link', { name: TITLE }).first().click();
    await admin.waitForURL(new RegExp(`/usulan/${proposalId}$`));
    await shoot(admin, 'sub-04-admin-review-phone');
    await admin.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await admin
      .getByLabel(/Catatan untuk unit/)
      .fill('Mohon tambahkan data jumlah anak yang dilayani sebelum dan sesudah inovasi.');
    await admin.getByRole('button', { name: 'Kembalikan ke unit' }).click();
    await expect.poll(() => admin.getByText('Proposal dikembalikan ke unit.').count()).toBe(1);

    // 6. The UPP sees the note, fixes the significance section and sends again.
    await upp.reload();
    // The note stands above the form and beside its version in the history (issue 11's versions).
    await upp.getByText('Catatan pengembalian dari Admin Lokal').waitFor();
    await expect
      .poll(() => upp.getByText('Mohon tambahkan data jumlah anak yang dilayani', { exact: false }).count())
      .toBe(2);
    await upp.getByLabel(/^Signifikansi/).fill(words(80, 'Sebelum: 120 anak per tahun; sesudah: 410 anak.'));
    await expect.poll(() => upp.getByText(/Tersimpan \d/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shoot(upp, 'sub-05-upp-returned-fixed');
    await upp.getByRole('button', { name: 'Kirim ke Admin Lokal' }).click();
    await upp.getByRole('button', { name: 'Ya, lanjutkan' }).click();
    await expect.poll(() => upp.getByText('Proposal dikirim ke Admin Lokal.').count()).toBe(1);

    // 7. The admin lokal forwards it within the quota; the acknowledgment e-mail arrives.
    await admin.reload();
    await admin.getByRole('button', { name: 'Teruskan ke penyelenggara' }).click();
    // Forwarding asks first, with the quota it leaves.
    const forward = admin.getByRole('dialog', { name: 'Teruskan proposal ke penyelenggara?' });
    await expect
      .poll(() => forward.getByTestId('quota-after').textContent())
      .toMatch(/^Kuota terpakai setelah ini: \d+\/\d+ /);
    await forward.getByRole('button', { name: 'Ya, teruskan' }).click();
    await expect.poll(() => admin.getByText('Proposal diteruskan ke penyelenggara.').count()).toBe(1);
    const { code } = await server.ctx.db
      .selectFrom('proposals')
      .select('code')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(await admin.getByText(code, { exact: true }).count()).toBeGreaterThan(0);
    await server.smtp.waitFor((m) => m.to.includes(ADMIN_LOKAL) && m.text.includes(code), 20_000);
    await shoot(admin, 'sub-06-admin-forwarded-phone');

    // 8. The server clock passes the closing instant: the closing job receives it and e-mails the receipt.
    const kipp = await server.ctx.db
      .selectFrom('stages as s')
      .innerJoin('competitions as c', 'c.id', 's.competition_id')
      .select('s.closes_at')
      .where('c.code', '=', 'KIPP')
      .where('s.kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    server.ctx.clock.set(new Date(Date.parse(kipp.closes_at!) + 60_000));
    const receipt = await server.smtp.waitFor(
      (m) => m.to.includes(ADMIN_LOKAL) && m.subject.includes(`Tanda terima proposal ${code}`),
      30_000,
    );
    expect(receipt.text).toContain(`Judul: ${TITLE}`);
    expect(receipt.text).toContain(`Akronim: ${ACRONYM}`);
    expect(receipt.text).toContain(`ID proposal: ${code}`);
    expect(receipt.text).toContain('Program: Kompetisi Inovasi Pelayanan Publik 2026 — Kelompok Umum');
    expect(receipt.text).toMatch(/Diterima: \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);

    // 9. After closing the proposal is received and nothing can be sent any more.
    // Three weeks have passed on the server clock, so the sessions of step 1 have expired: log in again.
    const later = await loggedIn(UPP);
    await later.goto(`${server.baseUrl}/usulan/${proposalId}`);
    await expect.poll(() => later.getByText('Diterima', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => later.getByRole('button', { name: 'Kirim ke Admin Lokal' }).count()).toBe(0);
    await expect
      .poll(() => later.getByText(/diterima penyelenggara pada \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/).count())
      .toBe(1);
    await shoot(later, 'sub-07-upp-after-closing');
    const state = await server.ctx.db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('received');
  });
});
