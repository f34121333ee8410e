import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  logIn,
  openProfiles,
  pick,
  shoot,
  SHOTS_DIR,
  startDemoServer,
  type E2EServer,
  type Profiles,
} from './harness.js';
import { samplePdf } from '../../src/seed/sample-pdf.js';
import { startS3, type S3Server } from '../helpers/s3.js';

/*
 * The demo on S3-compatible storage (STORAGE=s3, a real s3rver): the UPP uploads evidence; the store goes
 * down and the next upload is refused with the store's message and when to try again, the list unchanged;
 * the store comes back and the same upload goes through. At 1280 px and on a phone (390 px).
 */

const UPP = 'upp.tangerang@demo.sinovik.id';
const DOWN = 'Penyimpanan berkas sedang tidak dapat dihubungi. Coba lagi dalam 1 menit.';

describe('evidence on S3 storage, with the store down for a while (browser)', () => {
  let s3: S3Server;
  let server: E2EServer;
  let profiles: Profiles;

  beforeAll(async () => {
    s3 = await startS3();
    server = await startDemoServer(s3.env);
    profiles = await openProfiles();
  }, 180_000);

  afterAll(async () => {
    await profiles?.close();
    await server?.stop();
    await s3?.close({ removeFiles: true }).catch(() => undefined);
  });

  const uploadPdf = (page: Page, name: string) =>
    page.getByLabel('Unggah berkas bukti').setInputFiles({
      name,
      mimeType: 'application/pdf',
      buffer: samplePdf(name),
    });

  it('uploads to the bucket, refuses with a clear message while the store is down, and works again after', async () => {
    expect(server.ctx.app.deps.storage.kind).toBe('s3');
    const upp = await profiles.newPage();
    await logIn(upp, server.baseUrl, UPP);
    await upp.waitForURL((url) => url.pathname === '/usulan');
    await upp.getByRole('button', { name: 'Buat proposal' }).click();
    await pick(upp, 'Kompetisi', 'Kompetisi Inovasi Pelayanan Publik 2026');
    await pick(upp, 'Kelompok', 'Umum');
    await upp.getByLabel('Judul inovasi').fill('Arsip Digital Kelurahan');
    await upp.getByRole('button', { name: 'Buat draf' }).click();
    await upp.waitForURL(/\/usulan\/\d+$/);
    const editorPath = new URL(upp.url()).pathname;

    await uploadPdf(upp, 'laporan-arsip.pdf');
    await expect
      .poll(() => upp.getByText('laporan-arsip.pdf diunggah.').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const first = await server.ctx.db.selectFrom('files').select('original_name').execute();
    expect(first.map((f) => f.original_name)).toContain('laporan-arsip.pdf');

    // The store goes down: the upload is refused with its message; nothing is added.
    await s3.close();
    await uploadPdf(upp, 'foto-arsip.pdf');
    await expect.poll(() => upp.getByText(DOWN).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await upp.getByText(DOWN).first().scrollIntoViewIfNeeded();
    await shoot(upp, 's3-01-upload-store-down');
    // What the UPP sees where it uploaded (the full page is long).
    await upp.getByText(DOWN).first().scrollIntoViewIfNeeded();
    await upp.screenshot({ path: path.join(SHOTS_DIR, 's3-01b-upload-store-down-view.png') });
    const files = await server.ctx.db.selectFrom('files').select('original_name').execute();
    expect(files.map((f) => f.original_name)).not.toContain('foto-arsip.pdf');

    const phone = await profiles.newPage({ width: 390, height: 844 });
    await logIn(phone, server.baseUrl, UPP);
    await phone.goto(`${server.baseUrl}${editorPath}`);
    await uploadPdf(phone, 'foto-arsip.pdf');
    await expect.poll(() => phone.getByText(DOWN).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await phone.getByText(DOWN).first().scrollIntoViewIfNeeded();
    await shoot(phone, 's3-02-upload-store-down-phone');
    await phone.getByText(DOWN).first().scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(SHOTS_DIR, 's3-02b-upload-store-down-phone-view.png') });

    // The store is back (same folder and port): the same upload goes through.
    s3 = await startS3({ directory: s3.directory, port: s3.port, bucket: s3.bucket });
    await uploadPdf(upp, 'foto-arsip.pdf');
    await expect
      .poll(() => upp.getByText('foto-arsip.pdf diunggah.').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => upp.getByText(DOWN).count()).toBe(0);
    const after = await server.ctx.db.selectFrom('files').select('original_name').execute();
    expect(after.map((f) => f.original_name)).toContain('foto-arsip.pdf');
    await shoot(upp, 's3-03-upload-store-back');
  });
});
