import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  logIn,
  openProfiles,
  pick,
  shoot,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

const UPP = 'upp.tangerang@demo.sinovik.id';
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
const BAD_LINK = 'layanan.tangerangkab.go.id/standar';
const LINK_MESSAGE = 'Tautan harus diawali http:// atau https://.';
const answer = (i: number) => `Isian bagian ${i + 1} yang harus tetap tersimpan walau tautannya salah.`;

/** The element lies wholly inside the page's viewport. */
async function expectInViewport(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

describe('autosave in Chromium: one mistyped link never loses the rest of the proposal', () => {
  let server: E2EServer;
  let profiles: Profiles;

  /** A fresh browser profile (its own cookies and storage), logged in as the UPP. */
  async function loggedIn(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await profiles.newPage(viewport);
    await logIn(page, server.baseUrl, UPP);
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

  it('stores eight sections beside a refused link, flags the link in a fresh profile, keeps the status in view on a phone', async () => {
    const upp = await loggedIn();
    await upp.waitForURL((url) => url.pathname === '/usulan');
    await upp.getByRole('button', { name: 'Buat proposal' }).click();
    await pick(upp, 'Kompetisi', 'Kompetisi Inovasi Pelayanan Publik 2026');
    await pick(upp, 'Kelompok', 'Umum');
    await upp.getByLabel('Judul inovasi').fill('Layanan Tautan Salah Ketik');
    await upp.getByRole('button', { name: 'Buat draf' }).click();
    await upp.waitForURL(/\/usulan\/\d+$/);
    const proposalId = Number(new URL(upp.url()).pathname.split('/').pop());

    // Before anything is sent, the required fields are marked and say what is still missing.
    await expect
      .poll(() => upp.getByText('Wajib diisi sebelum dikirim; belum diisi.').count())
      .toBeGreaterThan(8);

    // The mistyped link first, then the acronym and all eight sections.
    await upp.getByLabel('Tautan standar pelayanan').fill(BAD_LINK);
    await upp.getByLabel('Akronim').fill('TASK');
    for (const [i, label] of SECTIONS.entries())
      await upp.getByLabel(new RegExp(`^${label}`)).fill(answer(i));
    await expect
      .poll(() => upp.getByText(/Tersimpan \d.*kecuali 1 isian yang ditolak/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    // Exactly the link is flagged, with its reason; the alert names it.
    const link = upp.locator('#field-linkStandard');
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');
    expect(await upp.locator('[aria-invalid="true"]').count()).toBe(1);
    const alert = upp.getByRole('alert').filter({ hasText: 'Isian berikut ditolak' });
    expect(await alert.textContent()).toContain(`Tautan standar pelayanan: ${LINK_MESSAGE}`);
    await shoot(upp, 'autosave-01-desktop-link-refused');

    // The alert does not vanish while the UPP goes on typing further down, and stays in view.
    const last = upp.getByLabel(/^Strategi Keberlanjutan/);
    await last.pressSequentially(' Tambahan.', { delay: 20 });
    await expectInViewport(upp, alert);
    await expectInViewport(upp, upp.getByTestId('save-status'));
    await expect
      .poll(() => upp.getByText(/Tersimpan \d.*kecuali 1 isian/).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await alert.isVisible()).toBe(true);
    await upp.screenshot({ path: 'test-results/screenshots/autosave-01b-desktop-typing.png' });

    // The server has the eight answers and no link.
    const stored = await server.ctx.db
      .selectFrom('proposal_answers')
      .select('text')
      .where('proposal_id', '=', proposalId)
      .execute();
    expect(stored).toHaveLength(8);
    const row = await server.ctx.db
      .selectFrom('proposals')
      .select(['acronym', 'links'])
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ acronym: 'TASK', links: '[]' });

    // A fresh browser profile (nothing kept in the browser): the eight sections, the link as typed, flagged.
    const fresh = await loggedIn();
    await fresh.goto(`${server.baseUrl}/usulan/${proposalId}`);
    await fresh.getByLabel(/^Ringkasan/).waitFor();
    for (const [i, label] of SECTIONS.entries())
      expect(await fresh.getByLabel(new RegExp(`^${label}`)).inputValue()).toBe(
        i === SECTIONS.length - 1 ? `${answer(i)} Tambahan.` : answer(i),
      );
    const freshLink = fresh.locator('#field-linkStandard');
    expect(await freshLink.inputValue()).toBe(BAD_LINK);
    expect(await freshLink.getAttribute('aria-invalid')).toBe('true');
    expect(await fresh.getByText(LINK_MESSAGE).first().isVisible()).toBe(true);
    expect(
      await fresh.getByRole('alert').filter({ hasText: 'Isian berikut ditolak' }).textContent(),
    ).toContain('Tautan standar pelayanan');
    // The checklist names it too: sending now would drop what was typed.
    expect(await fresh.locator('#checklist').textContent()).toContain(
      'Tautan "Standar pelayanan" belum tersimpan',
    );

    // What was refused is shown as text, never run: a link label and address typed as HTML (through the API).
    const evil = '<img src=x onerror="window.__xss=1">';
    const status = await fresh.evaluate(
      async ({ id, bad, evil }) => {
        const d = (await (await fetch(`/api/proposals/${id}`)).json()) as { version: number };
        const res = await fetch(`/api/proposals/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            version: d.version,
            links: [
              { label: 'Standar pelayanan', url: bad },
              { label: evil, url: evil },
            ],
          }),
        });
        return res.status;
      },
      { id: proposalId, bad: BAD_LINK, evil },
    );
    expect(status).toBe(200);
    await fresh.reload();
    await fresh.getByLabel(/^Ringkasan/).waitFor();
    expect(await fresh.locator('#checklist').textContent()).toContain(`Tautan "${evil}" belum tersimpan`);
    expect(await fresh.locator('img[src="x"]').count()).toBe(0);
    expect(await fresh.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // On a phone, the save status stays in view while typing in the last section.
    const phone = await loggedIn({ width: 390, height: 844 });
    await phone.goto(`${server.baseUrl}/usulan/${proposalId}`);
    const phoneLast = phone.getByLabel(/^Strategi Keberlanjutan/);
    await phoneLast.waitFor();
    await phoneLast.scrollIntoViewIfNeeded();
    await phoneLast.click();
    await phone.keyboard.press('End');
    await phoneLast.pressSequentially(' Dari ponsel.', { delay: 20 });
    await expectInViewport(phone, phone.getByTestId('save-status'));
    await expectInViewport(phone, phoneLast);
    await expect
      .poll(() => phone.getByTestId('save-status').textContent(), { timeout: 15_000 })
      .toMatch(/Tersimpan \d.*kecuali 1 isian/);
    await expectInViewport(phone, phone.getByTestId('save-status'));
    await phone.screenshot({ path: 'test-results/screenshots/autosave-02-phone-typing.png' });
    await shoot(phone, 'autosave-03-phone-full');

    // Putting the link right (on the phone, which has the newest version) clears the flag.
    const phoneLink = phone.locator('#field-linkStandard');
    await phoneLink.fill(`https://${BAD_LINK}`);
    await expect
      .poll(async () => (await phoneLink.getAttribute('aria-invalid')) === 'true', { timeout: 15_000 })
      .toBe(false);
    expect(await phone.getByRole('alert').filter({ hasText: 'Isian berikut ditolak' }).count()).toBe(0);
    const fixed = await server.ctx.db
      .selectFrom('proposals')
      .select(['links', 'rejected_fields'])
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(fixed).toEqual({
      links: JSON.stringify([{ label: 'Standar pelayanan', url: `https://${BAD_LINK}` }]),
      rejected_fields: '',
    });
  }, 180_000);
});
