import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../helpers/fixtures.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 11 point 7 in Chromium: the organizer's participation view per institution with the reminder's
 * confirmation, and the admin lokal's per unit, on desktop and on a phone, in Bahasa Indonesia and once in
 * English. Screenshots land in test-results/screenshots/participation-*.png.
 */
describe('participation view in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;
  let tangerangId: number;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    competitionId = (
      await db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP')
        .orderBy('year', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const admin = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select('g.institution_id')
      .where('u.email', '=', 'adminlokal.tangerang@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    tangerangId = admin.institution_id!;
    // Participants that have forwarded nothing: one with nothing at all, one whose admin lokal was reminded.
    for (const [name, regionCode] of [
      ['Pemerintah Kabupaten Lebak', '36.02'],
      ['Pemerintah Kota Serang', '36.73'],
    ] as const) {
      const inst = await db
        .selectFrom('institutions')
        .select('id')
        .where('type', '=', name.includes('Kota') ? 'pemerintah_kota' : 'pemerintah_kabupaten')
        .where('region_code', '=', regionCode)
        .executeTakeFirstOrThrow();
      await makeUser(db, { role: 'local_admin', institutionId: inst.id });
    }
    // A unit of Tangerang with a UPP account and no proposal.
    const unit = await makeUnit(db, tangerangId, 'Dinas Perpustakaan dan Arsip');
    await makeUser(db, { role: 'upp', institutionId: tangerangId, unitId: unit.id });
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('shows the organizer who has forwarded nothing and confirms a reminder with the number of people', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/partisipasi`);
    await page.getByRole('heading', { name: 'Partisipasi instansi', level: 1 }).waitFor();
    await expect(page.getByText('Belum ada proposal').first().isVisible()).resolves.toBe(true);
    await shoot(page, 'participation-organizer');

    const neverBefore = await page.getByText('Belum pernah').count();
    const remindAll = page.getByRole('button', { name: /Ingatkan semua yang belum meneruskan/ });
    await remindAll.click();
    const dialog = page.getByRole('dialog', { name: 'Kirim pengingat?' });
    await dialog.getByText(/akan dikirim kepada \d+ Admin Lokal/).waitFor();
    await shoot(page, 'participation-organizer-confirm');
    await dialog.getByRole('button', { name: 'Kirim pengingat' }).click();
    await page.getByText(/Pengingat dikirim kepada \d+ penerima/).waitFor();
    // The view now says when each was last reminded (no longer "Belum pernah" for those reminded).
    await expect.poll(() => page.getByText('Belum pernah').count()).toBeLessThan(neverBefore);

    // Search with an abbreviation, then the phone width.
    await page.getByLabel('Cari nama').fill('Kab. Tangerang');
    await page.getByText('Pemerintah Kabupaten Tangerang').first().waitFor();
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/partisipasi`);
    await phone.getByRole('heading', { name: 'Partisipasi instansi', level: 1 }).waitFor();
    await shoot(phone, 'participation-organizer-phone');
  }, 120_000);

  it('shows the admin lokal its units and confirms a reminder to the UPPs of units with nothing', async () => {
    const page = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await page.getByRole('link', { name: 'Partisipasi unit' }).first().click();
    await page.waitForURL(`**/instansi/${tangerangId}/partisipasi`);
    await page.getByRole('heading', { name: 'Partisipasi unit', level: 1 }).waitFor();
    await page.getByText('Pemerintah Kabupaten Tangerang').first().waitFor();
    await shoot(page, 'participation-units');
    const remind = page.getByRole('button', { name: /Ingatkan semua unit tanpa proposal/ });
    {
      await remind.click();
      await page
        .getByRole('dialog', { name: 'Kirim pengingat?' })
        .getByText(/pengguna UPP/)
        .waitFor();
      await shoot(page, 'participation-units-confirm');
      await page.getByRole('button', { name: 'Batal' }).click();
    }
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Unit participation', level: 1 }).waitFor();
    await shoot(page, 'participation-units-en');
    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id');
    await phone.goto(`${server.baseUrl}/instansi/${tangerangId}/partisipasi`);
    await phone.getByRole('heading', { name: 'Partisipasi unit', level: 1 }).waitFor();
    await shoot(phone, 'participation-units-phone');
  }, 120_000);
});
