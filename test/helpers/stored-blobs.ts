import path from 'node:path';
import { blobKeyOf } from '../../src/platform/storage.js';
import type { TestContext } from './app.js';
import { filesUnder } from './multipart.js';

/*
 * What the app's storage holds, whatever STORAGE is (disk, or a bucket with SINOVIK_TEST_STORAGE=s3), for
 * the tests that check that nothing is left behind: the blobs' keys, their bytes, and the temporary files
 * (always local: DATA_DIR/files/tmp). The storage's own listing is checked against the raw disk and bucket
 * in test/storage-contract.test.ts.
 */

/** Every stored blob's key ("ab/cd/<sha256>"), sorted. */
export async function blobKeys(ctx: Pick<TestContext, 'app'>): Promise<string[]> {
  const keys: string[] = [];
  for await (const blob of ctx.app.deps.storage.listBlobs()) keys.push(blob.storageKey);
  return keys.sort();
}

/** A stored blob's bytes. */
export async function blobBytes(ctx: Pick<TestContext, 'app'>, storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await ctx.app.deps.storage.openRead(storageKey)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Whether the blob of this content (by its sha256) is stored. */
export function hasBlob(ctx: Pick<TestContext, 'app'>, sha256: string): Promise<boolean> {
  return ctx.app.deps.storage.exists(blobKeyOf(sha256));
}

/** The temporary upload files (DATA_DIR/files/tmp). */
export function tempFiles(ctx: Pick<TestContext, 'dataDir'>): string[] {
  return filesUnder(path.join(ctx.dataDir, 'files', 'tmp'));
}
