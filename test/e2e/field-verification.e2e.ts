import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
  TEST_PASSWORD,
} from '../helpers/fixtures.js';
import { makeFinalist } from '../helpers/finalists.js';
import { CLAIM_ANSWERS, answerSections } from '../helpers/field.js';
import { logIn, openProfiles, shoot, startServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Field verification in Chromium on a 390 px phone (issue 13 point 3): the verifier opens a visit, the
 * connection drops, the checklist, a photo and the report are filled offline (saved on the device), the
 * page says what waits; the connection returns, the queue empties by itself, and the server holds each item
 * once. Then the report is submitted (with a confirmation) and is read-only.
 */

const jpeg = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
    crypto.randomBytes(3000),
  ]);

describe('field verification offline then online, on a phone', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let visitId = 0;
  /** A second visit of the same verifier: opened, then reloaded without a connection. */
  let reloadVisitId = 0;
  let panelistEmail = '';
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    profiles = await openProfiles();
    const { db } = server.ctx;
    const now = new Date();
    const kipp = await publishedKipp(db, { organizerName: 'Kementerian Verifikasi Peramban', now });
    const inst = await makeInstitution(db, { name: 'Pemerintah Kota Lapangan Jaya' });
    const unit = await makeUnit(db, inst.id, 'Dinas Kependudukan Lapangan Jaya');
    const upp = await makeUser(db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
    const panelist = await makeUser(db, {
      role: 'panelist',
      competitionId: kipp.competitionId,
      name: 'Dr. Sari Verifikator',
    });
    panelistEmail = panelist.email;
    const f = await makeFinalist(db, {
      competitionId: kipp.competitionId,
      institutionId: inst.id,
      unitId: unit.id,
      createdBy: upp.id,
      actorUserId: kipp.secretariat.id,
      now,
      title: 'Adminduk Jemput Bola',
    });
    code = f.code;
    await answerSections(db, f.id, CLAIM_ANSWERS);
    // A day into the field verification stage: a visit outside it is refused.
    const stage = await db
      .selectFrom('stages')
      .select('opens_at')
      .where('competition_id', '=', kipp.competitionId)
      .where('kind', '=', 'field_verification')
      .executeTakeFirstOrThrow();
    const res = await server.ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/field-visits`,
      headers: { cookie: await sessionCookie(server.ctx, kipp.secretariat.id) },
      payload: {
        proposalId: f.id,
        kind: 'closed',
        verifierIds: [panelist.id],
        address: 'Kantor Dinas Kependudukan, Jl. Asia Afrika 12, Bandung',
        startsAt: new Date(Date.parse(stage.opens_at!) + 86_400_000).toISOString(),
        timeZone: 'Asia/Jakarta',
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    visitId = res.json().id;
    const second = await server.ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/field-visits`,
      headers: { cookie: await sessionCookie(server.ctx, kipp.secretariat.id) },
      payload: {
        proposalId: f.id,
        kind: 'open',
        verifierIds: [panelist.id],
        address: 'Kantor Kecamatan Coblong, Jl. Sangkuriang 2, Bandung',
        startsAt: new Date(Date.parse(stage.opens_at!) + 2 * 86_400_000).toISOString(),
        timeZone: 'Asia/Jakarta',
      },
    });
    if (second.statusCode !== 201) throw new Error(second.body);
    reloadVisitId = second.json().id;
  }, 120_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const count = async (
    table: 'field_findings' | 'field_photos' | 'field_operations',
    visit: number = visitId,
  ) =>
    Number(
      (
        await server.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('visit_id', '=', visit)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps working offline, sends everything once when the connection returns, then submits read-only', async () => {
    const page: Page = await profiles.newPage(
      { width: 390, height: 844 },
      { permissions: ['geolocation'], geolocation: { latitude: -6.9215, longitude: 107.6107, accuracy: 18 } },
    );
    const context: BrowserContext = page.context();
    await logIn(page, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/verifikasi-lapangan`);
    await page.getByRole('heading', { name: 'Verifikasi lapangan' }).waitFor();
    await shoot(page, 'field-01-visits-phone');
    // Two visits to the finalist, by date: this test works on the first, the next test on the second.
    await page
      .getByRole('link', { name: `Buka ${code}` })
      .first()
      .click();
    await page.waitForURL(`**/verifikasi-lapangan/${visitId}`);
    await page.getByRole('heading', { name: 'Daftar periksa klaim finalis' }).waitFor();
    await expect.poll(() => page.getByText('Semua perubahan sudah terkirim').count()).toBe(1);

    await context.setOffline(true);
    await expect
      .poll(() => page.getByText('Tanpa koneksi — perubahan disimpan di perangkat').count())
      .toBe(1);
    const claim = (label: string) => page.getByRole('region', { name: label });
    await claim('Implementasi Inovasi').getByLabel('Terbukti').check();
    await claim('Implementasi Inovasi')
      .getByLabel(/^Catatan/)
      .fill('Loket keliling dilihat langsung di Kecamatan Coblong.');
    await claim('Implementasi Inovasi')
      .getByLabel(/^Catatan/)
      .blur();
    await claim('Signifikansi').getByLabel('Sebagian').check();
    await claim('Strategi Keberlanjutan').getByLabel('Tidak ditemukan').check();
    await page
      .locator('#field-photo-input')
      .setInputFiles({ name: 'loket.jpg', mimeType: 'image/jpeg', buffer: jpeg() });
    await expect.poll(() => page.getByText('menunggu dikirim', { exact: true }).count()).toBe(1);
    await page.getByLabel('Direkomendasikan dengan catatan').check();
    await page
      .getByLabel('Ringkasan hasil verifikasi')
      .fill('Layanan berjalan; data dampak 2025 belum lengkap.');
    await page.getByLabel('Ringkasan hasil verifikasi').blur();
    // 3 findings, 1 note, 1 photo, 1 recommendation, 1 summary: 7 changes saved on the device.
    await expect
      .poll(() => page.getByTestId('queue-count').textContent())
      .toBe('7 perubahan menunggu dikirim');
    await expect.poll(() => page.getByText(/^Lokasi -6\.92150, 107\.61070/).count()).toBe(1);
    await shoot(page, 'field-02-offline-queue-phone');
    // Waiting does not lose anything and sends nothing.
    await page.waitForTimeout(3000);
    expect(await count('field_operations')).toBe(0);
    expect(await count('field_photos')).toBe(0);

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('queue-count').textContent(), { timeout: 20_000 })
      .toBe('Semua perubahan sudah terkirim');
    expect(await count('field_operations')).toBe(6);
    expect(await count('field_findings')).toBe(3);
    expect(await count('field_photos')).toBe(1);
    const findings = await server.ctx.db
      .selectFrom('field_findings')
      .select(['claim_key', 'status', 'note'])
      .where('visit_id', '=', visitId)
      .orderBy('claim_key')
      .execute();
    expect(findings).toEqual([
      {
        claim_key: 'section:implementasi',
        status: 'confirmed',
        note: 'Loket keliling dilihat langsung di Kecamatan Coblong.',
      },
      { claim_key: 'section:signifikansi', status: 'partly', note: null },
      { claim_key: 'section:strategi_keberlanjutan', status: 'not_found', note: null },
    ]);
    const photo = await server.ctx.db
      .selectFrom('field_photos')
      .select(['geo_status', 'latitude', 'accuracy'])
      .where('visit_id', '=', visitId)
      .executeTakeFirstOrThrow();
    expect(photo).toEqual({ geo_status: 'ok', latitude: -6.9215, accuracy: 18 });
    await page.getByRole('img', { name: /Foto lapangan/ }).waitFor();
    await shoot(page, 'field-03-online-sent-phone');

    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByText('Setelah dikirim, laporan tidak dapat diubah lagi.', { exact: false }).waitFor();
    await shoot(page, 'field-04-submit-confirm-phone');
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim laporan' }).click();
    await expect
      .poll(() => page.getByText('Laporan sudah dikirim dan hanya dapat dibaca.').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const visit = await server.ctx.db
      .selectFrom('field_visits')
      .select(['status', 'recommendation'])
      .where('id', '=', visitId)
      .executeTakeFirstOrThrow();
    expect(visit).toEqual({ status: 'submitted', recommendation: 'recommended_with_notes' });
    expect(await page.getByLabel('Terbukti').first().isDisabled()).toBe(true);
    await shoot(page, 'field-05-read-only-phone');
  }, 180_000);

  it('reloads a visit without a connection from the offline shell: the visit from the device, a finding queued, sent once online', async () => {
    const page: Page = await profiles.newPage({ width: 390, height: 844 });
    const context: BrowserContext = page.context();
    await logIn(page, server.baseUrl, panelistEmail, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/verifikasi-lapangan/${reloadVisitId}`);
    await page.getByRole('heading', { name: 'Daftar periksa klaim finalis' }).waitFor();
    await expect.poll(() => page.getByText('Semua perubahan sudah terkirim').count()).toBe(1);
    // The shell's worker controls the page once it has cached the app (scope: the field pages only).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? null),
    ).toBe(`${server.baseUrl}/verifikasi-lapangan`);

    await context.setOffline(true);
    // The worker has no network either: what the reload shows comes from its cache.
    const [worker] = context.serviceWorkers();
    expect(
      await worker.evaluate(() =>
        fetch('/index.html', { cache: 'no-store' }).then(
          (r) => `answered ${r.status}`,
          () => 'no network',
        ),
      ),
    ).toBe('no network');
    await page.reload();
    await page.getByRole('heading', { name: 'Daftar periksa klaim finalis' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByText('Kantor Kecamatan Coblong', { exact: false }).count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText('Tanpa koneksi — perubahan disimpan di perangkat').count())
      .toBe(1);
    await page.getByRole('region', { name: 'Signifikansi' }).getByLabel('Terbukti').check();
    await expect
      .poll(() => page.getByTestId('queue-count').textContent())
      .toBe('1 perubahan menunggu dikirim');
    await shoot(page, 'field-06-offline-reload-phone');
    expect(await count('field_operations', reloadVisitId)).toBe(0);

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('queue-count').textContent(), { timeout: 30_000 })
      .toBe('Semua perubahan sudah terkirim');
    expect(await count('field_operations', reloadVisitId)).toBe(1);
    expect(await count('field_findings', reloadVisitId)).toBe(1);
    // Another page is never served by the field shell.
    await page.goto(`${server.baseUrl}/akun/sandi`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  }, 180_000);
});
