import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DashboardResponse } from '../../src/contracts/dashboard.js';
import type { ProposalDetail } from '../../src/contracts/proposals.js';
import { makeUnit, makeUser, sessionCookie } from '../helpers/fixtures.js';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';
import { uploadRequiredEvidence } from '../helpers/evidence.js';

const UMUM_SECTIONS = [
  'ringkasan',
  'latar_belakang_tujuan',
  'kebaruan',
  'implementasi',
  'signifikansi',
  'adaptabilitas',
  'sumber_daya',
  'strategi_keberlanjutan',
];
const CATEGORIES = [
  'tata_kelola_pemerintahan',
  'kesehatan',
  'pendidikan',
  'inklusi_sosial',
  'pertumbuhan_ekonomi',
  'ketahanan_pangan',
];

/** Participants and how many proposals each starts, sends and forwards (a funnel like the real one). */
const PARTICIPANTS: [name: string, started: number, sent: number, forwarded: number][] = [
  ['Pemerintah Kota Bandung', 7, 5, 4],
  ['Pemerintah Kota Surabaya', 6, 5, 5],
  ['Pemerintah Kabupaten Sleman', 5, 3, 2],
  ['Pemerintah Kabupaten Banyuwangi', 5, 4, 3],
  ['Pemerintah Kota Makassar', 4, 2, 1],
  ['Pemerintah Kota Balikpapan', 3, 2, 2],
  ['Pemerintah Kabupaten Jayapura', 2, 1, 0],
  ['Kementerian Kesehatan', 3, 2, 2],
  ['Badan Pusat Statistik', 2, 1, 1],
];

describe('submission dashboard in Chromium: counts, charts, list, exports, deadline extension', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let competitionId: number;

  const newPage = (viewport: { width: number; height: number }, timezoneId = 'Asia/Jakarta') =>
    profiles.newPage(viewport, { timezoneId, acceptDownloads: true });

  async function login(page: Page) {
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id');
    await page.waitForURL('**/sekretariat/kompetisi');
  }

  beforeAll(async () => {
    server = await startDemoServer();
    const { ctx } = server;
    const kipp = await ctx.db
      .selectFrom('competitions')
      .select('id')
      .where('code', '=', 'KIPP')
      .executeTakeFirstOrThrow();
    competitionId = kipp.id;

    // Accounts for each participant, then proposals started, sent and forwarded over eleven days.
    const people: { upp: number; admin: number; plan: [number, number, number] }[] = [];
    for (const [name, ...plan] of PARTICIPANTS) {
      const inst = await ctx.db
        .selectFrom('institutions')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      const unit = await makeUnit(ctx.db, inst.id, 'Dinas Pelayanan Terpadu');
      const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
      const admin = await makeUser(ctx.db, { role: 'local_admin', institutionId: inst.id });
      people.push({ upp: upp.id, admin: admin.id, plan });
    }
    const realNow = ctx.clock.now();
    const base = new Date(realNow.getTime() - 12 * 86_400_000);
    const made: {
      who: number;
      admin: number;
      id: number;
      created: number;
      send: boolean;
      forward: boolean;
    }[] = [];
    for (let day = 0; day <= 11; day++) {
      ctx.clock.set(new Date(base.getTime() + day * 86_400_000));
      const call = async (userId: number, method: 'POST' | 'PATCH', url: string, payload?: object) => {
        const res = await ctx.app.inject({
          method,
          url: `/api${url}`,
          headers: { cookie: await sessionCookie(ctx, userId) },
          payload: payload as Record<string, unknown>,
        });
        expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
        return res.json() as ProposalDetail;
      };
      for (const [j, p] of people.entries()) {
        const [started, sent, forwarded] = p.plan;
        for (let k = 0; k < started; k++) {
          if ((k * 2 + j) % 9 !== day) continue;
          const d = await call(p.upp, 'POST', `/competitions/${competitionId}/proposals`, {
            groupKey: 'umum',
            title: `Inovasi ${['Layanan Keliling', 'Antrean Daring', 'Satu Data', 'Posyandu Digital', 'Sekolah Ramah', 'Pasar Rakyat', 'Lumbung Pangan'][k % 7]} ${PARTICIPANTS[j][0].replace(/^(Pemerintah|Kementerian|Badan) (Kota |Kabupaten |Pusat )?/, '')}`,
          });
          made.push({
            who: p.upp,
            admin: p.admin,
            id: d.id,
            created: day,
            send: k < sent,
            forward: k < forwarded,
          });
          if (k < sent)
            await call(p.upp, 'PATCH', `/proposals/${d.id}`, {
              version: d.version,
              acronym: `INO${k}${j}`,
              categoryKey: CATEGORIES[(k + j) % CATEGORIES.length],
              implementationStart: '2023-02-01',
              innovatorKind: 'team',
              innovatorNames: 'Tim Inovasi',
              contactName: 'Dewi Lestari',
              contactPhone: '081234567890',
              contactEmail: 'dewi@contoh.go.id',
              declarationAccepted: true,
              answers: UMUM_SECTIONS.map((sectionKey) => ({
                sectionKey,
                text: 'Petugas datang ke kelurahan sehingga warga tidak perlu antre di kantor.',
              })),
            });
        }
      }
      for (const m of made) {
        if (m.send && m.created === day - 1) {
          // The supporting document the group requires (seed 003).
          await uploadRequiredEvidence(ctx.app, await sessionCookie(ctx, m.who), m.id);
          await call(m.who, 'POST', `/proposals/${m.id}/send`);
        }
        if (m.forward && m.created === day - 2) await call(m.admin, 'POST', `/proposals/${m.id}/forward`);
      }
    }
    ctx.clock.set(realNow);
    profiles = await openProfiles();
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('shows the funnel, charts and the list, on a desktop and on a phone', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await login(page);
    await page.getByRole('link', { name: 'Dasbor pengajuan' }).first().click();
    await page.waitForURL(`**/sekretariat/kompetisi/${competitionId}/dasbor`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Proposal menurut status' }).isVisible())
      .toBe(true);
    // The page shows the API's numbers (the demo's own proposals plus those made above).
    const secretariat = await server.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sekretariat@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const api = await server.ctx.app.inject({
      method: 'GET',
      url: `/api/competitions/${competitionId}/dashboard`,
      headers: { cookie: await sessionCookie(server.ctx, secretariat.id) },
    });
    const d: DashboardResponse = api.json();
    const jabar = d.byProvince.find((p) => p.key === '32')!;
    const jatim = d.byProvince.find((p) => p.key === '35')!;
    const forwarded = d.byState.find((x) => x.state === 'forwarded')!.count;
    expect(jabar.started).toBeGreaterThanOrEqual(7);
    await expect
      .poll(() =>
        page
          .getByText(`Jawa Barat: ${jabar.started} dimulai, ${jabar.submitted} sampai di penyelenggara`)
          .count(),
      )
      .toBe(1);
    expect(await page.getByText(`Diteruskan ke penyelenggara: ${forwarded}`, { exact: true }).count()).toBe(
      1,
    );
    expect(await page.getByRole('timer').count()).toBeGreaterThan(0);
    const listed = d.totals.submitted;
    await expect
      .poll(() => page.getByText(`1–${Math.min(20, listed)} dari ${listed}`).isVisible())
      .toBe(true);
    await shoot(page, 'dash-01-dashboard-desktop');

    // Filters narrow the list; the export links carry them.
    await page.getByRole('combobox', { name: 'Provinsi' }).click();
    await page.getByRole('option', { name: 'Jawa Timur' }).click();
    await expect
      .poll(() => page.getByText(`1–${Math.min(20, jatim.submitted)} dari ${jatim.submitted}`).isVisible())
      .toBe(true);
    const [download, asked] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForRequest((r) => r.url().includes('/proposals/export')),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(asked.url()).toContain('provinceCode=35');
    expect(download.suggestedFilename()).toMatch(/^sinovik-KIPP-\d{4}-usulan-\d{8}-\d{4}\.csv$/);

    const phone = await newPage({ width: 375, height: 812 }, 'Asia/Makassar');
    await login(phone);
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    await expect
      .poll(() => phone.getByRole('heading', { name: 'Proposal menurut status' }).isVisible())
      .toBe(true);
    // The reader in WITA sees the closing on their own clock too.
    await expect
      .poll(() =>
        phone
          .getByText(/Waktu Anda: .* WITA/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(phone, 'dash-02-dashboard-phone');
  });

  it('extends the deadline with a letter number and lists the extension', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await login(page);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    const date = page.getByLabel('Tanggal penutupan baru');
    await expect.poll(() => date.inputValue()).not.toBe('');
    const current = await date.inputValue();
    const later = new Date(`${current}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 4);
    await date.fill(later.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Perpanjang batas' }).click();
    // Without a letter number the API refuses beside the field, before any confirmation is asked.
    await expect.poll(() => page.getByText('Nomor surat perpanjangan wajib diisi.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ya, perpanjang' }).count()).toBe(0);
    await page.getByLabel('Nomor surat').fill('B/188/PP.00.05/2026');
    await page
      .getByLabel('Alasan (Bahasa Indonesia, opsional)')
      .fill('Banyak instansi meminta tambahan waktu unggah.');
    await page.getByRole('button', { name: 'Perpanjang batas' }).click();
    // The confirmation, from the API's check, names who is told.
    await expect
      .poll(() => page.getByText(/akun Admin Lokal dan pengusul akan diberi tahu/).isVisible())
      .toBe(true);
    await shoot(page, 'dash-03-extension-confirm');
    await page.getByRole('button', { name: 'Ya, perpanjang' }).click();
    await expect.poll(() => page.getByText(/Batas pengajuan diperpanjang sampai/).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'B/188/PP.00.05/2026' }).count()).toBe(1);
    // Who extended, under when.
    expect(await page.getByRole('cell', { name: /oleh Rina Kusumawati$/ }).count()).toBe(1);
    await page.locator('#extend-title').scrollIntoViewIfNeeded();
    await shoot(page, 'dash-04-extension-done-desktop');

    const phone = await newPage({ width: 375, height: 812 });
    await login(phone);
    await phone.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor#extend-title`);
    await expect
      .poll(() => phone.getByText('B/188/PP.00.05/2026').filter({ visible: true }).first().isVisible())
      .toBe(true);
    expect(await phone.getByText('oleh Rina Kusumawati').filter({ visible: true }).count()).toBe(1);
    await shoot(phone, 'dash-05-extension-phone');

    // Everyone affected is told: the demo's admin lokal gets the mail.
    const mail = await server.smtp.waitFor(
      (m) => m.to.includes('adminlokal.tangerang@demo.sinovik.id') && /diperpanjang/i.test(m.subject),
      20_000,
    );
    expect(mail.text).toContain('B/188/PP.00.05/2026');
  });

  it('offers "Cetak PDF" on a proposal page', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await login(page);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${competitionId}/dasbor`);
    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL('**/usulan/*');
    const print = page.getByRole('button', { name: 'Cetak PDF' });
    await expect.poll(() => print.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
    expect(download.suggestedFilename()).toMatch(/^[\w.-]+\.pdf$/);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(page, 'dash-06-proposal-print-button');
  });
});
