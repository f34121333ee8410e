import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/index.js';
import { publishedKipp, TEST_PASSWORD } from '../helpers/fixtures.js';
import path from 'node:path';
import {
  logIn,
  openProfiles,
  shoot,
  SHOTS_DIR,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';

/*
 * What cannot be undone asks first, with its consequences in numbers from the API: unpublishing (refused with
 * the counts when proposals exist; Cancel keeps it published) and forwarding (the quota after it).
 */
describe('confirmations of what cannot be undone, in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;
  let kippId: number;
  let empty: { competitionId: number; email: string };

  const status = async (id: number) =>
    (
      await server.ctx.db
        .selectFrom('competitions')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    server = await startDemoServer();
    const { ctx } = server;
    kippId = (
      await ctx.db
        .selectFrom('competitions')
        .select('id')
        .where('code', '=', 'KIPP')
        .executeTakeFirstOrThrow()
    ).id;
    // A competition published by mistake, still without proposals, with its own secretariat.
    const made = await publishedKipp(ctx.db, {
      organizerName: 'Kementerian Uji Terbit',
      now: ctx.clock.now(),
      year: ctx.clock.now().getUTCFullYear(),
    });
    const user = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', made.secretariat.id)
      .executeTakeFirstOrThrow();
    empty = { competitionId: made.competitionId, email: user.email };
    profiles = await openProfiles();
  }, 240_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  it('unpublishing the live competition shows its proposals and is refused; Cancel keeps it published', async () => {
    const counts = await server.ctx.db
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('competition_id', '=', kippId)
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBeGreaterThan(0);
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'sekretariat@demo.sinovik.id', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${kippId}`);
    await page.getByRole('button', { name: 'Tarik kembali ke draf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tarik kembali kompetisi ke draf?' });
    await expect
      .poll(() => dialog.getByText(`Proposal dalam kompetisi ini: ${Number(counts.n)} (`).isVisible())
      .toBe(true);
    expect(await dialog.getByText('Tidak dapat ditarik kembali').isVisible()).toBe(true);
    // Only Cancel is offered.
    expect(await dialog.getByRole('button', { name: 'Ya, tarik ke draf' }).count()).toBe(0);
    await shoot(page, 'guard-01-unpublish-refused');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await status(kippId)).toBe('published');
  });

  it('an empty competition asks with the numbers; Cancel keeps it published', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, empty.email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${empty.competitionId}`);
    await page.getByRole('button', { name: 'Tarik kembali ke draf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tarik kembali kompetisi ke draf?' });
    await expect
      .poll(() =>
        dialog
          .getByText(
            'Proposal dalam kompetisi ini: 0 (0 draf, 0 di Admin Lokal, 0 dikembalikan, 0 diteruskan).',
          )
          .isVisible(),
      )
      .toBe(true);
    expect(
      await dialog
        .getByText('Kompetisi hilang dari beranda dan dari daftar setiap UPP dan Admin Lokal.')
        .isVisible(),
    ).toBe(true);
    expect(await dialog.getByText(/Pengingat yang belum terkirim \(\d\)/).isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Ya, tarik ke draf' }).isVisible()).toBe(true);
    await shoot(page, 'guard-02-unpublish-confirm');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await status(empty.competitionId)).toBe('published');
    expect(await page.getByRole('button', { name: 'Tarik kembali ke draf' }).isVisible()).toBe(true);
  });

  it('forwarding asks first and shows the quota after it', async () => {
    const { db } = server.ctx;
    const tangerang = await db
      .selectFrom('users as u')
      .innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select('g.institution_id')
      .where('u.email', '=', 'adminlokal.tangerang@demo.sinovik.id')
      .executeTakeFirstOrThrow();
    const waiting = await db
      .selectFrom('proposals as p')
      .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
      .select(['p.id', 'p.group_id', 'g.quota_per_institution', 'g.name_id'])
      .where('p.institution_id', '=', tangerang.institution_id!)
      .where('p.competition_id', '=', kippId)
      .where('p.state', '=', 'sent_to_local_admin')
      .where('g.quota_per_institution', 'is not', null)
      .executeTakeFirstOrThrow();
    const used = await db
      .selectFrom('proposals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('institution_id', '=', tangerang.institution_id!)
      .where('competition_id', '=', kippId)
      .where('group_id', '=', waiting.group_id)
      .where('state', 'in', ['forwarded', 'received'])
      .executeTakeFirstOrThrow();
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, 'adminlokal.tangerang@demo.sinovik.id', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/usulan/${waiting.id}`);
    await page.getByRole('button', { name: 'Teruskan ke penyelenggara' }).click();
    const dialog = page.getByRole('dialog', { name: 'Teruskan proposal ke penyelenggara?' });
    const expected = `Kuota terpakai setelah ini: ${Number(used.n) + 1}/${waiting.quota_per_institution} ${waiting.name_id}`;
    await expect.poll(() => dialog.getByText(expected).isVisible()).toBe(true);
    await shoot(page, 'guard-03-forward-confirm');
    // Cancel leaves it with the admin lokal.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const still = await db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    expect(still.state).toBe('sent_to_local_admin');
    // Confirming forwards it.
    await page.getByRole('button', { name: 'Teruskan ke penyelenggara' }).click();
    await dialog.getByRole('button', { name: 'Ya, teruskan' }).click();
    await expect.poll(() => page.getByText('Proposal diteruskan ke penyelenggara.').isVisible()).toBe(true);
    const after = await db
      .selectFrom('proposals')
      .select('state')
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('forwarded');
  });

  it('a structural change of a published competition asks for its amendment, which the public page shows as text', async () => {
    const page = await profiles.newPage();
    await logIn(page, server.baseUrl, empty.email, TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/sekretariat/kompetisi/${empty.competitionId}`);
    await page.getByRole('tab', { name: /^Kelompok & formulir/ }).click();
    await page.getByRole('button', { name: /^Umum/ }).first().click();
    const quota = page.getByLabel('Kuota per instansi').first();
    await quota.fill('5');
    await page.getByRole('button', { name: 'Simpan semua' }).click();
    const dialog = page.getByRole('dialog', { name: 'Perubahan ini memerlukan adendum' });
    await expect
      .poll(() => dialog.getByText('Kelompok “Umum”: kuota per instansi 10 → 5').isVisible())
      .toBe(true);
    await shoot(page, 'guard-04-amendment-dialog');
    await dialog.screenshot({ path: path.join(SHOTS_DIR, 'guard-04b-amendment-dialog-close.png') });
    // Typed text stays text: in the page here, and in the mail (API test).
    await dialog.getByLabel('Nomor adendum').fill('ADD/9/2026 <img src=x onerror="window.__xss=1">');
    await dialog
      .getByLabel('Alasan (Bahasa Indonesia)')
      .fill('Kuota disesuaikan <script>window.__xss=1</script>');
    await dialog.getByRole('button', { name: 'Simpan sebagai adendum' }).click();
    await expect.poll(() => page.getByText('Pengaturan kompetisi tersimpan.').isVisible()).toBe(true);
    const row = await server.ctx.db
      .selectFrom('competition_groups')
      .select('quota_per_institution')
      .where('competition_id', '=', empty.competitionId)
      .where('key', '=', 'umum')
      .executeTakeFirstOrThrow();
    expect(row.quota_per_institution).toBe(5);

    await page.goto(`${server.baseUrl}/kompetisi/${empty.competitionId}`);
    const listed = page.getByTestId('amendment');
    await expect
      .poll(() => listed.getByText('ADD/9/2026 <img src=x onerror="window.__xss=1">').isVisible())
      .toBe(true);
    expect(await listed.getByText('Kelompok “Umum”: kuota per instansi 10 → 5').isVisible()).toBe(true);
    expect(
      await listed.getByText('Alasan: Kuota disesuaikan <script>window.__xss=1</script>').isVisible(),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.getByRole('heading', { name: 'Adendum' }).scrollIntoViewIfNeeded();
    await shoot(page, 'guard-05-amendment-public');
    await page
      .locator('section[aria-labelledby="amendments-title"]')
      .screenshot({ path: path.join(SHOTS_DIR, 'guard-05b-amendment-public-close.png') });
  });
});
