import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../db/connect.js';
import { copyBlobsOut, type BlobStorage } from './files.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DUMP_FILE,
  hashFile,
  MANIFEST_FILE,
  keyId,
  writeManifest,
  type BackupManifest,
} from './manifest.js';
import { snapshotPostgres } from './postgres.js';
import { snapshotSqlite } from './sqlite.js';

export interface BackupOptions {
  databaseUrl: string;
  dialect: Dialect;
  dataDir: string;
  /** The keys in use, kept out of the backup: only their fingerprints go into the manifest. */
  keys: { audit: string; session: string; certificate: string };
  storage: BlobStorage;
  storageKind: 'disk' | 's3';
  /** The backup folder; default DATA_DIR/backups/<UTC timestamp>. */
  out?: string;
  now?: Date;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function appVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

/** DATA_DIR/backups/2026-12-07T08-30-00Z: sortable, and a valid file name everywhere. */
export const defaultBackupDir = (dataDir: string, now: Date) =>
  path.join(
    dataDir,
    'backups',
    now
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/:/g, '-'),
  );

/**
 * Takes a backup into a new folder: the database's consistent snapshot (SQLite online backup, or
 * pg_dump of an exported snapshot), the stored files it refers to (disk: copied and checked; S3: only
 * their inventory), and last the manifest describing that same moment. The keys (audit, session,
 * certificates) stay out of it: whoever holds a backup must not be able to re-sign the audit chain.
 */
export async function createBackup(opts: BackupOptions): Promise<{ dir: string; manifest: BackupManifest }> {
  const now = opts.now ?? new Date();
  const dir = path.resolve(opts.out ?? defaultBackupDir(opts.dataDir, now));
  if (fs.existsSync(path.join(dir, MANIFEST_FILE)))
    throw new BackupError(
      `${dir} sudah berisi cadangan: pilih folder lain. / ${dir} already holds a backup: choose another folder.`,
    );
  const created = !fs.existsSync(dir);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    return await takeBackup(opts, dir, now);
  } catch (err) {
    // A failed backup leaves no half folder behind (one the operator named and that existed stays).
    if (created) await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function takeBackup(
  opts: BackupOptions,
  dir: string,
  now: Date,
): Promise<{ dir: string; manifest: BackupManifest }> {
  const dumpName = DUMP_FILE[opts.dialect];
  const dumpPath = path.join(dir, dumpName);
  const facts =
    opts.dialect === 'sqlite'
      ? await snapshotSqlite(opts.databaseUrl, dumpPath)
      : await snapshotPostgres(opts.databaseUrl, dumpPath);
  const dump = await hashFile(dumpPath);

  const missingFiles = opts.storageKind === 'disk' ? await copyBlobsOut(opts.storage, facts.files, dir) : [];

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    appVersion: appVersion(),
    dialect: opts.dialect,
    migration: facts.migration,
    database: { file: dumpName, sha256: dump.sha256, size: dump.size },
    tables: facts.tables,
    audit: { ...facts.audit, keyId: keyId(opts.keys.audit) },
    storage: opts.storageKind,
    files: facts.files,
    missingFiles,
    keyIds: { session: keyId(opts.keys.session), certificate: keyId(opts.keys.certificate) },
  };
  await writeManifest(dir, manifest);
  return { dir, manifest };
}
