import crypto from 'node:crypto';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../src/contracts/attachments.js';
import type { ProposalDetail } from '../src/contracts/proposals.js';
import { sweepStorage } from '../src/modules/proposals/evidence/sweep.js';
import { blobKeyOf } from '../src/platform/storage.js';
import { createTestApp } from './helpers/app.js';
import {
  countRows,
  makeInstitution,
  makeUnit,
  makeUser,
  publishedKipp,
  sessionCookie,
} from './helpers/fixtures.js';
import { filesUnder, minimalPdf, multipartForm } from './helpers/multipart.js';
import { startS3, type S3Server } from './helpers/s3.js';
import path from 'node:path';

/*
 * Evidence through the real routes with STORAGE=s3 (a real s3rver on 127.0.0.1): uploaded, downloaded with
 * the same bytes and the same headers as on disk; the store down → the upload refused with 503
 * storage_unavailable and Retry-After, nothing written; the store back (same folder and port) → all well.
 */

/** Inside the KIPP 2026 template's submission window. */
const NOW = new Date('2026-04-01T03:00:00.000Z');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const keyOf = (b: Buffer) => `${sha(b).slice(0, 2)}/${sha(b).slice(2, 4)}/${sha(b)}`;

/** A test app with an institution's UPP and a draft proposal in a published KIPP. */
async function proposalWorld(env: Record<string, string>) {
  const ctx = await createTestApp({ env });
  ctx.clock.freeze(NOW);
  const { competitionId } = await publishedKipp(ctx.db, {
    organizerName: 'Kementerian PANRB Simpan',
    now: NOW,
  });
  const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kota Simpan' });
  const unit = await makeUnit(ctx.db, inst.id);
  const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
  const cookie = await sessionCookie(ctx, upp.id);
  const created = await ctx.app.inject({
    method: 'POST',
    url: `/api/competitions/${competitionId}/proposals`,
    headers: { cookie },
    payload: { groupKey: 'umum', title: 'Layanan Dokumen Keliling' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const proposalId = (created.json() as ProposalDetail).id;
  const upload = (name: string, content: Buffer) => {
    const form = multipartForm({ kind: 'evidence' }, [
      { field: 'file', name, content, type: 'application/pdf' },
    ]);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposalId}/attachments`,
      headers: { cookie, ...form.headers },
      payload: form.payload,
    });
  };
  const download = (attachmentId: number) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/proposals/${proposalId}/attachments/${attachmentId}/download`,
      headers: { cookie },
    });
  const attachments = async () =>
    (
      (
        await ctx.app.inject({ method: 'GET', url: `/api/proposals/${proposalId}`, headers: { cookie } })
      ).json() as ProposalDetail
    ).attachments;
  const remove = (attachmentId: number) =>
    ctx.app.inject({
      method: 'DELETE',
      url: `/api/proposals/${proposalId}/attachments/${attachmentId}`,
      headers: { cookie },
    });
  return { ctx, competitionId, upload, download, remove, attachments };
}

/** The headers a download answers with, less those that differ per response. */
const stableHeaders = (h: Record<string, unknown>) => {
  const { date: _date, ...rest } = h;
  return rest;
};

describe('evidence on S3-compatible storage through the API', () => {
  let s3: S3Server;
  let onS3: Awaited<ReturnType<typeof proposalWorld>>;
  let onDisk: Awaited<ReturnType<typeof proposalWorld>>;
  const pdf = minimalPdf('Laporan layanan dokumen keliling');
  let first: Attachment;
  /** The upload of the two that fit one at a time that was kept. */
  let kept: Attachment;

  beforeAll(async () => {
    s3 = await startS3();
    onS3 = await proposalWorld(s3.env);
    onDisk = await proposalWorld({ STORAGE: 'disk' });
  });
  afterAll(async () => {
    await onS3?.ctx.close();
    await onDisk?.ctx.close();
    await s3?.close({ removeFiles: true });
  });

  it('stores the upload in the bucket at its content address and downloads the same bytes, headers as on disk', async () => {
    expect(onS3.ctx.app.deps.storage.kind).toBe('s3');
    expect(onDisk.ctx.app.deps.storage.kind).toBe('disk');
    const res = await onS3.upload('Laporan kegiatan.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
    expect(first).toMatchObject({ sha256: sha(pdf), size: pdf.length, mime: 'application/pdf' });
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: keyOf(pdf) }));
    expect(head.ContentLength).toBe(pdf.length);
    expect(head.ContentType).toBe('application/pdf');
    // Nothing of it stays on the local disk: no blob, no temporary file.
    expect(filesUnder(path.join(onS3.ctx.dataDir, 'files'))).toEqual([]);

    const fromS3 = await onS3.download(first.id);
    expect(fromS3.statusCode).toBe(200);
    expect(sha(fromS3.rawPayload)).toBe(sha(pdf));

    const diskUpload = await onDisk.upload('Laporan kegiatan.pdf', pdf);
    expect(diskUpload.statusCode, diskUpload.body).toBe(201);
    const fromDisk = await onDisk.download((diskUpload.json() as Attachment).id);
    expect(fromDisk.statusCode).toBe(200);
    expect(fromDisk.rawPayload.equals(fromS3.rawPayload)).toBe(true);
    expect(stableHeaders(fromS3.headers)).toEqual(stableHeaders(fromDisk.headers));
    expect(fromS3.headers['content-type']).toBe('application/pdf');
    expect(fromS3.headers['content-length']).toBe(String(pdf.length));
  });

  it('removes from the bucket an upload sent ahead that its transaction refuses (two that only fit one at a time)', async () => {
    await onS3.ctx.db
      .updateTable('competitions')
      .set({
        settings: JSON.stringify({ allowedFileTypes: ['application/pdf'], maxFileMb: 1, maxProposalMb: 1 }),
      })
      .where('id', '=', onS3.competitionId)
      .execute();
    const part = (note: string) => Buffer.concat([minimalPdf(note), Buffer.alloc(600 * 1024, 0x20)]);
    const [a, b] = await Promise.all([
      onS3.upload('Bagian A.pdf', part('Bagian A')),
      onS3.upload('Bagian B.pdf', part('Bagian B')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 413]);
    expect([a, b].find((r) => r.statusCode === 413)!.json().error.code).toBe('proposal_files_too_large');
    // The bucket holds exactly the blobs the `files` rows name.
    const rows = await onS3.ctx.db.selectFrom('files').select('storage_key').execute();
    const listed = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(rows.map((r) => r.storage_key).sort());
    expect(rows.length).toBe(2);
    kept = [a, b].find((r) => r.statusCode === 201)!.json() as Attachment;
  });

  it('with the store down, refuses the upload with 503 storage_unavailable and Retry-After: 60, writing nothing', async () => {
    await s3.close();
    const before = { files: await countRows(onS3.ctx.db, 'files'), list: await onS3.attachments() };
    const started = Date.now();
    const res = await onS3.upload('Foto kegiatan.pdf', minimalPdf('Foto kegiatan, toko tutup'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.json().error).toMatchObject({
      code: 'storage_unavailable',
      message: {
        id: 'Penyimpanan berkas sedang tidak dapat dihubungi. Coba lagi dalam 1 menit.',
        en: 'File storage cannot be reached. Try again in 1 minute.',
      },
      retryAfter: 60,
    });
    expect(await onS3.attachments()).toEqual(before.list);
    expect(await countRows(onS3.ctx.db, 'files')).toBe(before.files);
    // The staged upload is gone from the local disk too.
    expect(filesUnder(path.join(onS3.ctx.dataDir, 'files'))).toEqual([]);

    // A download cannot be served either: the same 503, no half-sent file.
    const down = await onS3.download(first.id);
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('60');
    expect(down.headers['content-type']).toMatch(/^application\/json/);
    expect(down.json().error.code).toBe('storage_unavailable');

    // A deletion is a change of rows only: done (204); its object stays until the store is back.
    expect((await onS3.remove(kept.id)).statusCode).toBe(204);
    expect((await onS3.attachments()).map((a) => a.id)).toEqual([first.id]);
  });

  it('after the store returns (same folder and port), uploads and downloads work again', async () => {
    s3 = await startS3({ directory: s3.directory, port: s3.port, bucket: s3.bucket });
    const again = minimalPdf('Foto kegiatan, toko buka lagi');
    const res = await onS3.upload('Foto kegiatan.pdf', again);
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json() as Attachment;
    expect((await onS3.attachments()).map((a) => a.id)).toEqual([first.id, added.id]);
    const back = await onS3.download(added.id);
    expect(back.statusCode).toBe(200);
    expect(sha(back.rawPayload)).toBe(sha(again));
    const old = await onS3.download(first.id);
    expect(sha(old.rawPayload)).toBe(sha(pdf));

    // The object of the attachment deleted while the store was down is left over; the hourly sweep
    // removes it once it is an hour old.
    const keys = async () =>
      ((await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? [])
        .map((o) => o.Key)
        .sort();
    expect(await keys()).toEqual([blobKeyOf(kept.sha256), keyOf(pdf), keyOf(again)].sort());
    const swept = await sweepStorage(
      onS3.ctx.db,
      onS3.ctx.app.deps.storage,
      new Date(Date.now() + 2 * 3_600_000),
    );
    expect(swept).toEqual({ blobsRemoved: 1, tempRemoved: 0 });
    expect(await keys()).toEqual([keyOf(pdf), keyOf(again)].sort());
  });
});
