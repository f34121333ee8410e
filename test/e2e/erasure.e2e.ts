import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openProfiles, shoot, startDemoServer, type E2EServer, type Profiles } from './harness.js';

/*
 * Issue 15 point 5 (UU PDP 27/2022) in Chromium: the system administrator erases a demo user through the
 * confirmation dialog (what is erased, what is kept, type the address), and sets the retention of personal
 * data. Screenshots: test-results/screenshots/erasure-*.png, at 1280 and 390 px, each checked with axe.
 */
describe('personal-data erasure and retention, in Chromium', () => {
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    server = await startDemoServer();
    profiles = await openProfiles();
  }, 180_000);
  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
  });

  const userOf = (email: string) =>
    server.ctx.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  it('on a phone: the dialog says the consequences and refuses an address that does not match', async () => {
    const target = await userOf('evaluator@demo.sinovik.id');
    const admin = await profiles.newPage({ width: 390, height: 844 });
    await logIn(admin, server.baseUrl, 'admin@demo.sinovik.id');
    await admin.goto(`${server.baseUrl}/admin/pengguna/${target.id}`);
    await admin.getByRole('heading', { name: target.name, level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Hapus data pribadi' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText('Tindakan ini tidak dapat dibatalkan.', { exact: false }).waitFor();
    expect(await dialog.getByText('Yang tetap disimpan (catatan kompetisi)').isVisible()).toBe(true);
    await dialog.getByLabel(/^Nomor atau alasan permintaan/).fill('Surat No. 7/PDP/2026');
    await dialog.getByLabel(/^Ketik alamat e-mail/).fill('salah@demo.sinovik.id');
    await dialog.getByRole('button', { name: 'Hapus data pribadi secara permanen' }).click();
    await dialog.getByText('Ketik alamat e-mail pengguna ini persis untuk mengonfirmasi.').waitFor();
    await shoot(admin, 'erasure-390-dialog-error');
    const still = await userOf('evaluator@demo.sinovik.id');
    expect(still.name).toBe(target.name);
    await admin.context().close();
  });

  it('at 1280 px: the administrator erases a demo user; the page shows the tombstone', async () => {
    const target = await userOf('evaluator@demo.sinovik.id');
    const admin = await profiles.newPage({ width: 1280, height: 900 });
    await logIn(admin, server.baseUrl, 'admin@demo.sinovik.id');
    await admin.goto(`${server.baseUrl}/admin/pengguna/${target.id}`);
    await admin.getByRole('heading', { name: target.name, level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Hapus data pribadi' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Nomor atau alasan permintaan/).fill('Surat No. 7/PDP/2026');
    await dialog.getByLabel(/^Ketik alamat e-mail/).fill('evaluator@demo.sinovik.id');
    await shoot(admin, 'erasure-1280-dialog');
    await dialog.getByRole('button', { name: 'Hapus data pribadi secara permanen' }).click();
    await admin.getByRole('heading', { name: `Pengguna terhapus #${target.id}`, level: 1 }).waitFor();
    expect(await admin.getByText(`erased-${target.id}@invalid`).isVisible()).toBe(true);
    expect(await admin.getByText('Data pribadi dihapus', { exact: true }).count()).toBe(2);
    expect(await admin.getByRole('button', { name: 'Hapus data pribadi' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'Aktifkan kembali' }).count()).toBe(0);
    await shoot(admin, 'erasure-1280-erased');
    const notice = await server.smtp.waitFor((m) => m.to.includes('evaluator@demo.sinovik.id'), 20_000);
    expect(notice.text).toContain('telah menghapus data pribadi');
    await admin.context().close();
  });

  it('the retention page shows the defaults, refuses a value out of bounds and saves', async () => {
    // The first pass finds the default and stores 60; the second finds 60 and stores 45.
    for (const [viewport, name, before, after] of [
      [{ width: 1280, height: 900 }, 'erasure-1280-retention', '90', 60],
      [{ width: 390, height: 844 }, 'erasure-390-retention', '60', 45],
    ] as const) {
      const admin = await profiles.newPage(viewport);
      await logIn(admin, server.baseUrl, 'admin@demo.sinovik.id');
      await admin.goto(`${server.baseUrl}/admin/retensi`);
      await admin.getByRole('heading', { name: 'Retensi data pribadi', level: 1 }).waitFor();
      expect(
        await admin.getByText('Jejak audit adalah catatan kompetisi', { exact: false }).isVisible(),
      ).toBe(true);
      const field = admin.getByLabel(/^Catatan gagal masuk/);
      expect(await field.inputValue()).toBe(before);
      await field.fill('0');
      await admin.getByRole('button', { name: 'Simpan pengaturan retensi' }).click();
      await admin.getByText('Isi bilangan bulat hari antara 1 dan 3650.').waitFor();
      await shoot(admin, `${name}-error`);
      await field.fill(String(after));
      await admin.getByRole('button', { name: 'Simpan pengaturan retensi' }).click();
      await admin.getByText('Pengaturan retensi disimpan.').waitFor();
      await shoot(admin, name);
      const row = await server.ctx.db
        .selectFrom('retention_settings')
        .select('login_failure_days')
        .executeTakeFirstOrThrow();
      expect(row.login_failure_days).toBe(after);
      await admin.context().close();
    }
  });
});
