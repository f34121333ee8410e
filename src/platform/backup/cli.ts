import path from 'node:path';
import type { Dialect } from '../../db/connect.js';
import type { BlobStore } from '../storage.js';
import { openStorage, StorageStartError, type StorageSetup } from '../storage-create.js';
import { createBackup } from './backup.js';
import { BackupError } from './manifest.js';
import { restoreBackup } from './restore.js';

/** What the commands read of the configuration (src/config.ts's Config has it). */
export interface InstallationConfig extends StorageSetup {
  databaseUrl: string;
  dialect: Dialect;
  dataDir: string;
  auditKey: string;
  sessionSecret: string;
  certificateKey: string;
}

export const BACKUP_USAGE = `  backup [--out DIR]    a consistent backup: database snapshot, stored files (disk) or their inventory (S3),
                        manifest with row counts and hashes; default DIR: DATA_DIR/backups/<UTC time>
  restore --from DIR [--force]
                        restore a backup into an EMPTY installation (stop the app first on SQLite), then
                        verify row counts, file hashes and the audit chain; exits 1 when anything differs`;

/**
 * Runs a command with the storage the backup reads and the restore checks (STORAGE: the disk, or the S3
 * bucket, checked first): a storage that cannot be opened or a refused backup (BackupError) prints its
 * message and answers 2; the storage is closed after.
 */
async function withStorage(
  config: InstallationConfig,
  run: (storage: BlobStore, kind: 'disk' | 's3') => Promise<number>,
): Promise<number> {
  let storage: BlobStore;
  try {
    storage = await openStorage(config);
  } catch (err) {
    if (!(err instanceof StorageStartError)) throw err;
    console.error(err.message);
    return 2;
  }
  try {
    return await run(storage, config.storage.kind);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    console.error(err.message);
    return 2;
  } finally {
    await storage.close();
  }
}

/** The value after `--name` in the arguments, or undefined; null when the flag has no value. */
function flag(args: string[], name: string): string | null | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  return v && !v.startsWith('--') ? v : null;
}

/** The keys kept outside the database and the backup, from the configuration. */
export const keysOf = (config: InstallationConfig) => ({
  audit: config.auditKey,
  session: config.sessionSecret,
  certificate: config.certificateKey,
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `sinovik backup [--out DIR]`: 0 done, 1 done with files missing, 2 refused or failed. */
export async function backupCommand(config: InstallationConfig, args: string[]): Promise<number> {
  const out = flag(args, '--out');
  if (out === null) {
    console.error(`--out memerlukan folder / --out needs a folder\n${BACKUP_USAGE}`);
    return 2;
  }
  return withStorage(config, async (storage, kind) => {
    const { dir, manifest } = await createBackup({
      databaseUrl: config.databaseUrl,
      dialect: config.dialect,
      dataDir: config.dataDir,
      keys: keysOf(config),
      storage,
      storageKind: kind,
      ...(out ? { out } : {}),
    });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const bytes = manifest.files.reduce((a, f) => a + f.size, 0);
    console.log(`Cadangan / backup: ${dir}`);
    console.log(
      `  basis data / database: ${manifest.dialect}, ${manifest.migration}, ${mb(manifest.database.size)}`,
    );
    console.log(`  ${Object.keys(manifest.tables).length} tabel / tables, ${rows} baris / rows`);
    console.log(
      `  ${manifest.files.length} berkas / files (${mb(bytes)}) ${kind === 'disk' ? 'disalin / copied' : 'inventaris saja (S3) / inventory only (S3)'}`,
    );
    console.log(
      `  log audit / audit log: ${manifest.audit.events} peristiwa / events, ujung / head ${manifest.audit.lastEventId ?? '-'}`,
    );
    console.log(
      '  Kunci (AUDIT_KEY atau DATA_DIR/audit-key, SESSION_SECRET, SINOVIK_CERT_KEY) tidak ikut dicadangkan: simpan terpisah. / The keys are not in the backup: keep them apart, the restore needs the audit key.',
    );
    if (manifest.missingFiles.length) {
      console.error(
        `  ${manifest.missingFiles.length} berkas tidak ada di penyimpanan / files missing from storage: ${manifest.missingFiles.join(', ')}`,
      );
      return 1;
    }
    return 0;
  });
}

/** `sinovik restore --from DIR [--force]`: 0 restored and verified, 1 something differs, 2 refused. */
export async function restoreCommand(config: InstallationConfig, args: string[]): Promise<number> {
  const from = flag(args, '--from');
  if (!from) {
    console.error(`--from DIR wajib / is required\n${BACKUP_USAGE}`);
    return 2;
  }
  if (config.dialect === 'sqlite')
    console.log(
      'SQLite: aplikasi harus berhenti selama pemulihan (berkas basis data diganti). / the app must be stopped during the restore (the database file is replaced).',
    );
  return withStorage(config, async (storage, kind) => {
    const r = await restoreBackup({
      from: path.resolve(from),
      databaseUrl: config.databaseUrl,
      dialect: config.dialect,
      dataDir: config.dataDir,
      keys: keysOf(config),
      storage,
      storageKind: kind,
      storageRoot: path.join(config.dataDir, 'files'),
      force: args.includes('--force'),
    });
    console.log(`Dipulihkan dari / restored from ${from} (dibuat / taken ${r.manifest.createdAt})`);
    console.log(`  ${r.tables} tabel / tables, ${r.rows} baris / rows`);
    console.log(
      `  ${r.files.restored} dari / of ${r.manifest.files.length} berkas / files ${kind === 'disk' ? 'disalin dan dicek / copied and checked' : 'ada di bucket / present in the bucket'}`,
    );
    console.log(`  log audit / audit log: ${r.auditEvents} peristiwa / events diperiksa / checked`);
    for (const w of r.warnings) console.log(`  ! ${w}`);
    if (r.ok) {
      console.log(
        'Semua cocok dengan manifes. / Everything matches the manifest. Next: sinovik migrate, then start the app.',
      );
      return 0;
    }
    console.error('TIDAK COCOK / NOT MATCHING:');
    for (const p of r.problems) console.error(`  - ${p}`);
    return 1;
  });
}
