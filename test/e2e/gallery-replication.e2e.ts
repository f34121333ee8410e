import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-accounts.js';
import { GALLERY_OWNER_ACCOUNT } from '../../src/seed/demo-gallery.js';
import { FEATURED_INNOVATION } from '../../src/seed/demo-last-year.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 14's browser flow on the demo with last year's KIPP: a visitor on a phone (not signed in) opens the
 * gallery, searches "pelayanan kependudukan desa", opens the first innovation, signs in from its "Replikasi"
 * section as the demo's admin lokal of Kabupaten Tangerang (back on the same page), asks to replicate it (a field
 * refused first, then sent); the owner institution's admin lokal on a desktop opens /instansi/replikasi from
 * the menu and accepts after the confirmation that says its contact will be shared; the requester then reads
 * the owner's contact; the gallery page shows the replication in its graph and count. axe on every screen;
 * screenshots test-results/screenshots/replication-*.png at 390 and 1280 px.
 */
const PHONE = { width: 390, height: 844 };
const QUERY = 'pelayanan kependudukan desa';

describe('asking to replicate an innovation of the gallery, and the owner accepting', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let slug = '';
  let title = '';
  const who = { owner: '', ownerEmail: '', requester: '', requesterEmail: '' };
  let visitor: Page;

  beforeAll(async () => {
    server = await startDemoServer({}, { lastYear: true });
    profiles = await openProfiles();
  }, 240_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('a visitor on a phone finds the innovation, signs in from its page and asks to replicate it', async () => {
    visitor = await profiles.newPage(PHONE);
    await visitor.goto(`${server.baseUrl}/galeri`);
    const box = visitor.getByRole('searchbox', { name: 'Cari inovasi' });
    await box.fill(QUERY);
    await box.press('Enter');
    await visitor.waitForURL(/\/galeri\?q=/);
    const first = visitor.getByRole('main').locator('ol > li').first().getByRole('link').first();
    await first.waitFor();
    await shoot(visitor, 'replication-search-390');
    await first.click();
    await visitor.waitForURL(/\/galeri\/[a-z0-9-]+$/);
    slug = new URL(visitor.url()).pathname.split('/').pop()!;
    // The innovation's page is there once its "Replikasi" section is.
    await visitor.getByRole('region', { name: 'Replikasi', exact: true }).waitFor();
    title = await visitor.getByRole('heading', { level: 1 }).innerText();
    expect(title).not.toBe('Galeri inovasi pelayanan publik');

    // Last year's featured winner, owned by Kabupaten Banyuwangi; the demo's printed accounts ask and answer.
    expect(title).toBe(FEATURED_INNOVATION);
    who.owner = 'Pemerintah Kabupaten Banyuwangi';
    who.ownerEmail = GALLERY_OWNER_ACCOUNT;
    who.requester = 'Pemerintah Kabupaten Tangerang';
    who.requesterEmail = 'adminlokal.tangerang@demo.sinovik.id';

    const section = visitor.getByRole('region', { name: 'Replikasi', exact: true });
    await section.getByText('Belum ada replikasi yang tercatat.').first().waitFor();
    await shoot(visitor, 'replication-entry-signed-out-390');
    await section.getByRole('link', { name: 'Masuk untuk mengajukan replikasi' }).click();
    await visitor.waitForURL(/\/masuk\?next=/);
    await visitor.getByLabel('E-mail').fill(who.requesterEmail);
    await visitor.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await visitor.getByRole('button', { name: 'Masuk', exact: true }).click();
    await visitor.waitForURL(`${server.baseUrl}/galeri/${slug}`);

    await section.getByRole('button', { name: 'Ajukan replikasi' }).click();
    const dialog = visitor.getByRole('dialog', { name: 'Ajukan replikasi' });
    await dialog
      .getByText(`Permohonan dikirim kepada admin lokal ${who.owner} atas nama ${who.requester}.`, {
        exact: false,
      })
      .waitFor();
    // Sent with no message: the field says what is missing.
    await dialog.getByRole('button', { name: 'Kirim permohonan' }).click();
    await dialog.getByText(/^Tuliskan pesan sekurang-kurangnya 20 karakter/).waitFor();
    await shoot(visitor, 'replication-request-dialog-390');
    await dialog.getByLabel('Nama kontak').fill('Siti Rahmawati');
    await dialog.getByLabel('E-mail kontak').fill('siti.rahmawati@demo.sinovik.id');
    await dialog.getByLabel('Telepon kontak (opsional)').fill('0812 7777 0001');
    await dialog
      .getByLabel('Pesan')
      .fill('Kami ingin mereplikasi layanan ini untuk desa-desa terpencil di wilayah kami tahun depan.');
    await dialog.getByRole('button', { name: 'Kirim permohonan' }).click();
    await section
      .getByText('Permohonan replikasi instansi Anda sedang menunggu jawaban pemilik inovasi.')
      .waitFor();
    expect(await section.getByRole('button', { name: 'Ajukan replikasi' }).count()).toBe(0);
    await shoot(visitor, 'replication-requested-390');

    const mails = await server.ctx.db
      .selectFrom('outbox')
      .select('to_address')
      .where('template', '=', 'replication_requested')
      .execute();
    expect(mails.map((m) => m.to_address)).toContain(who.ownerEmail);
  }, 180_000);

  it('the owner institution’s admin lokal on a desktop accepts after the confirmation', async () => {
    const owner = await profiles.newPage();
    await logIn(owner, server.baseUrl, who.ownerEmail);
    await owner.getByRole('link', { name: 'Replikasi', exact: true }).first().click();
    await owner.waitForURL(`${server.baseUrl}/instansi/replikasi`);
    const card = owner.getByRole('article').filter({ hasText: title });
    await card.getByText('Menunggu jawaban').waitFor();
    expect(await card.innerText()).toContain(
      'Siti Rahmawati · siti.rahmawati@demo.sinovik.id · +6281277770001',
    );
    await shoot(owner, 'replication-received-1280');
    // The owner's own innovation page offers nothing to ask.
    await card.getByRole('button', { name: 'Terima' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Terima permohonan replikasi' });
    await dialog
      .getByText(`Kontak di bawah ini akan dibagikan kepada ${who.requester} dan dikirim lewat e-mail.`, {
        exact: false,
      })
      .waitFor();
    // The form starts from the innovation's contact for replication its owner saved (the demo seeds one).
    const saved = await server.ctx.db
      .selectFrom('gallery_owner_settings as s')
      .innerJoin('gallery_entries as e', 'e.proposal_id', 's.proposal_id')
      .select(['s.contact_name', 's.contact_email'])
      .where('e.slug', '=', slug)
      .executeTakeFirstOrThrow();
    expect(await dialog.getByLabel('Nama kontak').inputValue()).toBe(saved.contact_name);
    expect(await dialog.getByLabel('E-mail kontak').inputValue()).toBe(saved.contact_email);
    await dialog.getByLabel('Nama kontak').fill('Bagus Pratama');
    await dialog.getByLabel('E-mail kontak').fill('replikasi@demo.sinovik.id');
    await dialog.getByLabel('Telepon kontak (opsional)').fill('021 5555 0101');
    await shoot(owner, 'replication-accept-confirm-1280');
    await dialog.getByRole('button', { name: 'Terima dan bagikan kontak' }).click();
    await card.getByText('Diterima', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Terima' }).count()).toBe(0);
    expect(await card.innerText()).toContain(
      'Kontak replikasi yang dibagikan: Bagus Pratama · replikasi@demo.sinovik.id · +622155550101',
    );
    await shoot(owner, 'replication-accepted-1280');

    await owner.goto(`${server.baseUrl}/galeri/${slug}`);
    const section = owner.getByRole('region', { name: 'Replikasi', exact: true });
    await section.getByText('Direplikasi 1 kali oleh 1 instansi di', { exact: false }).waitFor();
    expect(await section.getByRole('button', { name: 'Ajukan replikasi' }).count()).toBe(0);
    expect(await section.getByRole('link', { name: 'Masuk untuk mengajukan replikasi' }).count()).toBe(0);
  }, 120_000);

  it('the requester reads the owner’s contact; the gallery shows the replication in its graph and count', async () => {
    await visitor.goto(`${server.baseUrl}/instansi/replikasi`);
    const card = visitor.getByRole('article').filter({ hasText: title });
    await card.getByText('Diterima', { exact: true }).waitFor();
    expect(await card.innerText()).toContain(
      'Kontak replikasi pemilik inovasi: Bagus Pratama · replikasi@demo.sinovik.id · +622155550101',
    );
    await shoot(visitor, 'replication-sent-accepted-390');

    for (const [label, viewport] of [
      ['390', PHONE],
      ['1280', undefined],
    ] as const) {
      const page = await profiles.newPage(viewport);
      await page.goto(`${server.baseUrl}/galeri/${slug}`);
      const section = page.getByRole('region', { name: 'Replikasi', exact: true });
      const counts = section.getByRole('status');
      await expect
        .poll(() => counts.innerText())
        .toMatch(/^Direplikasi 1 kali oleh 1 instansi di [01] provinsi\.$/);
      const graph = section.getByRole('list', { name: 'Alur replikasi inovasi ini' });
      expect(await graph.innerText()).toContain(who.requester);
      expect(await graph.innerText()).toContain(title);
      // Public: no person, no contact.
      expect(await section.innerText()).not.toContain('Siti');
      expect(await section.innerText()).not.toContain('@');
      await shoot(page, `replication-graph-${label}`);
    }

    // In English.
    const en = await profiles.newPage(PHONE);
    await en.addInitScript(() => localStorage.setItem('sinovik.lang', 'en'));
    await en.goto(`${server.baseUrl}/galeri/${slug}`);
    const section = en.getByRole('region', { name: 'Replication', exact: true });
    await expect
      .poll(() => section.getByRole('status').innerText())
      .toMatch(/^Replicated 1 time by 1 institution\(s\) in [01] province\(s\)\.$/);
    await section.getByRole('link', { name: 'Sign in to ask to replicate' }).waitFor();
    await shoot(en, 'replication-graph-en-390');
  }, 120_000);
});
