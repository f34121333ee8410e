import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Dialect } from '../../db/connect.js';

/** The manifest's format; a restore refuses any other. */
export const BACKUP_FORMAT = 'sinovik-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
/** The database dump inside a backup folder, by dialect. */
export const DUMP_FILE: Record<Dialect, string> = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };
/** The copied blobs, at their storage keys (ab/cd/<sha256>). */
export const FILES_DIR = 'files';

export interface InventoriedFile {
  key: string;
  sha256: string;
  size: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string;
  dialect: Dialect;
  /** The newest applied migration when the snapshot was taken. */
  migration: string | null;
  database: { file: string; sha256: string; size: number };
  /** Every table's row count, as of the snapshot. */
  tables: Record<string, number>;
  /** The audit chain's head as of the snapshot; `keyId` tells which key signed it, not the key. */
  audit: { events: number; lastEventId: number | null; headHash: string | null; keyId: string };
  /** disk: the blobs are copied into files/; s3: only their inventory (the bucket keeps the objects). */
  storage: 'disk' | 's3';
  /** Every stored file the snapshot refers to (the `files` table), deduplicated by key. */
  files: InventoriedFile[];
  /** Files the snapshot refers to but storage no longer held when they were copied. */
  missingFiles: string[];
  /**
   * Fingerprints of the keys kept outside the database and outside the backup (the session secret, the
   * certificates' key): a restore warns when the target's differ.
   */
  keyIds: { session: string; certificate: string };
}

/** A fingerprint of a secret (an HMAC of a fixed text): tells two keys apart without revealing either. */
export function keyId(key: string): string {
  return crypto
    .createHmac('sha256', Buffer.from(key, 'utf8'))
    .update('sinovik/backup/key-id')
    .digest('hex')
    .slice(0, 16);
}

/** The sha256 (hex) and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Streams what `open` opens to `dest` (through a temporary file renamed into place) while hashing it; the file is
 * placed only when its sha256 is `expected`. Returns the hash seen.
 */
export async function copyChecked(
  open: () => Promise<NodeJS.ReadableStream> | NodeJS.ReadableStream,
  dest: string,
  expected: string,
): Promise<{ ok: boolean; sha256: string; size: number }> {
  await fsp.mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.part`;
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    // Opened only now, with the pipeline attached at once: a missing file's error has a listener.
    await pipeline(
      await open(),
      async function* (chunks: AsyncIterable<Buffer | string>) {
        for await (const c of chunks) {
          const chunk = typeof c === 'string' ? Buffer.from(c) : c;
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      fs.createWriteStream(tmp),
    );
    const sha256 = hash.digest('hex');
    if (sha256 !== expected) {
      await fsp.rm(tmp, { force: true });
      return { ok: false, sha256, size };
    }
    await fsp.rename(tmp, dest);
    return { ok: true, sha256, size };
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** Writes the manifest last and atomically: a backup folder with a manifest is complete. */
export async function writeManifest(dir: string, manifest: BackupManifest): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  await fsp.writeFile(`${file}.tmp`, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  await fsp.rename(`${file}.tmp`, file);
}

export class BackupError extends Error {}

/** Reads and checks a backup folder's manifest; throws BackupError saying what is wrong. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch {
    throw new BackupError(
      `${file} tidak ada: bukan folder cadangan Sinovik, atau pencadangannya tidak selesai. / ${file} is missing: not a Sinovik backup folder, or the backup did not finish.`,
    );
  }
  let m: BackupManifest;
  try {
    m = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError(`${file} rusak (bukan JSON). / ${file} is damaged (not JSON).`);
  }
  if (m.format !== BACKUP_FORMAT || m.version !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${file}: format ${String(m.format)} v${String(m.version)} tidak dikenal (yang dikenal: ${BACKUP_FORMAT} v${BACKUP_FORMAT_VERSION}). / unknown format (known: ${BACKUP_FORMAT} v${BACKUP_FORMAT_VERSION}).`,
    );
  // The manifest names paths inside the backup and DATA_DIR/files: nothing may point outside them.
  const outside = (p: string) =>
    path.isAbsolute(p) || p.split(/[\\/]/).some((seg) => seg === '..' || seg === '');
  if (m.database?.file !== DUMP_FILE[m.dialect] || (m.files ?? []).some((f) => outside(String(f.key))))
    throw new BackupError(
      `${file}: nama berkas di luar folder cadangan. / ${file}: file names outside the backup folder.`,
    );
  return m;
}
