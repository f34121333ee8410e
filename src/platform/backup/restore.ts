import fsp from 'node:fs/promises';
import path from 'node:path';
import { connect, type Dialect } from '../../db/connect.js';
import { setAuditKey } from '../audit.js';
import { checkpointFile, copyCheckpointOut } from '../audit-verify.js';
import { checkBlobsPresent, copyBlobsIn, type BlobStorage, type FileRestore } from './files.js';
import { keyId, BackupError, hashFile, readManifest, type BackupManifest } from './manifest.js';
import { postgresHasUsers, restorePostgres } from './postgres.js';
import { placeSqlite, sqliteHasUsers } from './sqlite.js';
import { checkRestoredDatabase, checkRestoredFiles } from './verify.js';

export interface RestoreOptions {
  from: string;
  databaseUrl: string;
  dialect: Dialect;
  dataDir: string;
  /**
   * The target's keys (config: AUDIT_KEY or DATA_DIR/audit-key, the session secret, the certificates'
   * key). The audit key must be the backed-up installation's; the others only warn when they differ.
   */
  keys: { audit: string; session: string; certificate: string };
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
  /** Differences that do not make the restore wrong but change what users see. */
  warnings: string[];
  tables: number;
  rows: number;
  auditEvents: number;
  files: FileRestore;
}

/** Refusals come before anything is changed: wrong folder, damaged dump, wrong key, a target in use. */
async function preflight(opts: RestoreOptions): Promise<{ manifest: BackupManifest }> {
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
  if (keyId(opts.keys.audit) !== manifest.audit.keyId)
    throw new BackupError(
      "Kunci audit instalasi ini berbeda dengan kunci instalasi yang dicadangkan: rantai audit tidak akan terverifikasi. Salin berkas audit-key dari DATA_DIR lama ke DATA_DIR ini (menimpa yang baru dibuat) atau setel AUDIT_KEY yang sama, lalu ulangi. / The audit key here differs from the backed-up installation's: the audit chain would not verify. Copy audit-key from the old DATA_DIR into this DATA_DIR (over the one just generated) or set the same AUDIT_KEY, then run again.",
    );
  return { manifest };
}

/**
 * Restores a backup into an empty installation: checks first (manifest, the dump's sha256, no accounts
 * in the target, the audit key), then puts the database in place (SQLite: the file, with the app
 * stopped; PostgreSQL: pg_restore) and the files (disk: copied with their hashes
 * checked; S3: each inventoried object must be in the bucket). Last it verifies everything against the
 * manifest and the audit chain with its key, and writes the checkpoint copy of the new DATA_DIR.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const { manifest } = await preflight(opts);
  const dump = path.join(opts.from, manifest.database.file);
  if (opts.dialect === 'sqlite') await placeSqlite(dump, opts.databaseUrl);
  else await restorePostgres(opts.databaseUrl, dump);

  await fsp.mkdir(opts.dataDir, { recursive: true });
  // The replaced installation's checkpoint copy belongs to another chain; a fresh one is written below.
  await fsp.rm(checkpointFile(opts.dataDir), { force: true });

  const files =
    opts.storageKind === 'disk'
      ? await copyBlobsIn(manifest.files, opts.from, opts.storageRoot)
      : await checkBlobsPresent(opts.storage, manifest.files);

  const db = connect(opts.databaseUrl, opts.dialect);
  try {
    setAuditKey(db, opts.keys.audit);
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
      warnings: keyWarnings(opts, manifest),
      tables: check.tables,
      rows: check.rows,
      auditEvents: check.auditEvents,
      files,
    };
  } finally {
    await db.destroy();
  }
}

/** The session secret and the certificates' key are not in the backup: say what differing ones change. */
function keyWarnings(opts: RestoreOptions, manifest: BackupManifest): string[] {
  const warnings: string[] = [];
  if (keyId(opts.keys.certificate) !== manifest.keyIds.certificate)
    warnings.push(
      'Kunci piagam (SINOVIK_CERT_KEY, atau turunan SESSION_SECRET) berbeda: kode verifikasi piagam yang sudah dicetak akan "tidak valid". / The certificates\' key (SINOVIK_CERT_KEY, or derived from SESSION_SECRET) differs: codes on certificates already printed will not verify.',
    );
  if (keyId(opts.keys.session) !== manifest.keyIds.session)
    warnings.push(
      'SESSION_SECRET berbeda: semua sesi berakhir, dan penilai publik yang sedang berlangsung dapat menilai lagi. / SESSION_SECRET differs: every session ends, and a public rating under way can be rated again.',
    );
  return warnings;
}
