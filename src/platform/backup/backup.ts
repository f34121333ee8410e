import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../db/connect.js';
import { copyBlobsOut, type BlobStorage } from './files.js';
import {
  auditKeyId,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DUMP_FILE,
  hashFile,
  MANIFEST_FILE,
  SECRET_NAMES,
  SECRETS_DIR,
  writeManifest,
  type BackupManifest,
} from './manifest.js';
import { snapshotPostgres } from './postgres.js';
import { snapshotSqlite } from './sqlite.js';

export interface BackupOptions {
  databaseUrl: string;
  dialect: Dialect;
  dataDir: string;
  /** The audit key in use (its fingerprint goes into the manifest). */
  auditKey: string;
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
 * their inventory), DATA_DIR's generated secrets, and last the manifest describing that same moment.
 */
export async function createBackup(opts: BackupOptions): Promise<{ dir: string; manifest: BackupManifest }> {
  const now = opts.now ?? new Date();
  const dir = path.resolve(opts.out ?? defaultBackupDir(opts.dataDir, now));
  if (fs.existsSync(path.join(dir, MANIFEST_FILE)))
    throw new BackupError(
      `${dir} sudah berisi cadangan: pilih folder lain. / ${dir} already holds a backup: choose another folder.`,
    );
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });

  const dumpName = DUMP_FILE[opts.dialect];
  const dumpPath = path.join(dir, dumpName);
  const facts =
    opts.dialect === 'sqlite'
      ? await snapshotSqlite(opts.databaseUrl, dumpPath)
      : await snapshotPostgres(opts.databaseUrl, dumpPath);
  const dump = await hashFile(dumpPath);

  const missingFiles = opts.storageKind === 'disk' ? await copyBlobsOut(opts.storage, facts.files, dir) : [];

  const secrets: string[] = [];
  for (const name of SECRET_NAMES) {
    const file = path.join(opts.dataDir, name);
    if (!fs.existsSync(file)) continue;
    const value = (await fsp.readFile(file, 'utf8')).trim();
    // The audit key file only when it is the key in use (AUDIT_KEY from the environment wins over it).
    if (name === 'audit-key' && value !== opts.auditKey) continue;
    await fsp.mkdir(path.join(dir, SECRETS_DIR), { recursive: true, mode: 0o700 });
    await fsp.writeFile(path.join(dir, SECRETS_DIR, name), value + '\n', { mode: 0o600 });
    secrets.push(name);
  }

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    appVersion: appVersion(),
    dialect: opts.dialect,
    migration: facts.migration,
    database: { file: dumpName, sha256: dump.sha256, size: dump.size },
    tables: facts.tables,
    audit: { ...facts.audit, keyId: auditKeyId(opts.auditKey) },
    storage: opts.storageKind,
    files: facts.files,
    missingFiles,
    secrets,
  };
  await writeManifest(dir, manifest);
  return { dir, manifest };
}
