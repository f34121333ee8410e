import fsp from 'node:fs/promises';
import path from 'node:path';
import { connect, type Dialect } from '../../db/connect.js';
import { setAuditKey } from '../audit.js';
import { checkpointFile, copyCheckpointOut } from '../audit-verify.js';
import { checkBlobsPresent, copyBlobsIn, type BlobStorage, type FileRestore } from './files.js';
import {
  auditKeyId,
  BackupError,
  hashFile,
  readManifest,
  SECRETS_DIR,
  type BackupManifest,
} from './manifest.js';
import { postgresHasUsers, restorePostgres } from './postgres.js';
import { placeSqlite, sqliteHasUsers } from './sqlite.js';
import { checkRestoredDatabase, checkRestoredFiles } from './verify.js';

export interface RestoreOptions {
  from: string;
  databaseUrl: string;
  dialect: Dialect;
  dataDir: string;
  /** AUDIT_KEY from the environment; null: the key kept in the backup (DATA_DIR's generated one). */
  auditKey: string | null;
  storage: BlobStorage;
  storageKind: 'disk' | 's3';
  /** Where disk storage keeps blobs (DATA_DIR/files). */
  storageRoot: string;
  /** Replace an installation that already has accounts. */
  force?: boolean;
}

export interface RestoreReport {
  ok: boolean;
  manifest: BackupManifest;
  problems: string[];
  tables: number;
  rows: number;
  auditEvents: number;
  files: FileRestore;
}

/** Refusals come before anything is changed: wrong folder, damaged dump, wrong key, a target in use. */
async function preflight(opts: RestoreOptions): Promise<{ manifest: BackupManifest; key: string }> {
  const manifest = await readManifest(opts.from);
  if (manifest.dialect !== opts.dialect)
    throw new BackupError(
      `Cadangan ini dari ${manifest.dialect}, basis data tujuan ${opts.dialect}: pulihkan ke dialek yang sama. / This backup is of ${manifest.dialect}, the target database is ${opts.dialect}: restore into the same dialect.`,
    );
  const dump = path.join(opts.from, manifest.database.file);
  const seen = await hashFile(dump).catch(() => null);
  if (!seen || seen.sha256 !== manifest.database.sha256)
    throw new BackupError(
      `Berkas basis data ${dump} ${seen ? 'tidak cocok dengan sha256 di manifes (rusak atau diubah)' : 'tidak ada'}: tidak dipulihkan. / The database file ${dump} ${seen ? "does not match the manifest's sha256 (damaged or altered)" : 'is missing'}: nothing restored.`,
    );
  const inUse =
    opts.dialect === 'sqlite'
      ? await sqliteHasUsers(opts.databaseUrl)
      : await postgresHasUsers(opts.databaseUrl);
  if (inUse && !opts.force)
    throw new BackupError(
      'Basis data tujuan sudah berisi akun: pemulihan hanya ke instalasi kosong (atau --force untuk menggantinya seluruhnya). / The target database already has accounts: restore only into an empty installation (or --force to replace it entirely).',
    );
  const keyFile = path.join(opts.from, SECRETS_DIR, 'audit-key');
  const key =
    opts.auditKey ??
    (manifest.secrets.includes('audit-key') ? (await fsp.readFile(keyFile, 'utf8')).trim() : null);
  if (!key)
    throw new BackupError(
      'Cadangan tidak memuat kunci audit (sumbernya memakai AUDIT_KEY): jalankan dengan AUDIT_KEY yang sama. / The backup does not hold the audit key (the source used AUDIT_KEY): run with the same AUDIT_KEY.',
    );
  if (auditKeyId(key) !== manifest.audit.keyId)
    throw new BackupError(
      "Kunci audit berbeda dengan kunci instalasi yang dicadangkan: rantai audit tidak akan terverifikasi. Pakai AUDIT_KEY yang sama (atau hapus AUDIT_KEY agar kunci dari cadangan dipakai). / The audit key differs from the backed-up installation's: the audit chain would not verify. Use the same AUDIT_KEY (or unset it to use the key in the backup).",
    );
  return { manifest, key };
}

/**
 * Restores a backup into an empty installation: checks first (manifest, the dump's sha256, no accounts
 * in the target, the audit key), then puts the database in place (SQLite: the file, with the app
 * stopped; PostgreSQL: pg_restore), DATA_DIR's secrets, and the files (disk: copied with their hashes
 * checked; S3: each inventoried object must be in the bucket). Last it verifies everything against the
 * manifest and the audit chain with its key, and writes the checkpoint copy of the new DATA_DIR.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const { manifest, key } = await preflight(opts);
  const dump = path.join(opts.from, manifest.database.file);
  if (opts.dialect === 'sqlite') await placeSqlite(dump, opts.databaseUrl);
  else await restorePostgres(opts.databaseUrl, dump);

  await fsp.mkdir(opts.dataDir, { recursive: true });
  for (const name of manifest.secrets) {
    if (name === 'audit-key' && opts.auditKey) continue;
    await fsp.copyFile(path.join(opts.from, SECRETS_DIR, name), path.join(opts.dataDir, name));
    await fsp.chmod(path.join(opts.dataDir, name), 0o600);
  }
  // The replaced installation's checkpoint copy belongs to another chain; a fresh one is written below.
  await fsp.rm(checkpointFile(opts.dataDir), { force: true });

  const files =
    opts.storageKind === 'disk'
      ? await copyBlobsIn(manifest.files, opts.from, opts.storageRoot)
      : await checkBlobsPresent(opts.storage, manifest.files);

  const db = connect(opts.databaseUrl, opts.dialect);
  try {
    setAuditKey(db, key);
    const check = await checkRestoredDatabase(db, manifest, opts.dataDir);
    const problems = [...check.problems];
    if (files.missing.length)
      problems.push(
        `${files.missing.length} berkas tidak ada / files missing: ${files.missing.join(', ')}` +
          (manifest.missingFiles.length
            ? ` (${manifest.missingFiles.length} sudah hilang saat pencadangan / already missing when backed up)`
            : ''),
      );
    if (files.mismatched.length)
      problems.push(
        `${files.mismatched.length} berkas dengan sha256 lain (tidak dipasang) / files with another sha256 (not put in place): ${files.mismatched.join(', ')}`,
      );
    if (opts.storageKind === 'disk') {
      const placed = new Set([...files.missing, ...files.mismatched]);
      const bad = (await checkRestoredFiles(manifest, opts.storageRoot)).filter((k) => !placed.has(k));
      if (bad.length)
        problems.push(
          `${bad.length} berkas terpasang tidak cocok / restored files not matching: ${bad.join(', ')}`,
        );
    }
    if (problems.length === 0) await copyCheckpointOut(db, opts.dataDir);
    return {
      ok: problems.length === 0,
      manifest,
      problems,
      tables: check.tables,
      rows: check.rows,
      auditEvents: check.auditEvents,
      files,
    };
  } finally {
    await db.destroy();
  }
}
