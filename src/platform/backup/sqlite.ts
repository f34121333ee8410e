import fs from 'node:fs';
import fsp from 'node:fs/promises';
import SQLite from 'better-sqlite3';
import { hasUsers, readFacts, type RunSql, type SnapshotFacts } from './facts.js';
import { BackupError } from './manifest.js';

const runOnHandle =
  (handle: SQLite.Database): RunSql =>
  async (text) =>
    handle.prepare(text).all() as Record<string, unknown>[];

/**
 * A consistent copy of a live SQLite database with better-sqlite3's online backup (on a connection of
 * its own, so the app keeps writing; a page changed meanwhile restarts the copy, which then takes the
 * rest in one step), switched out of WAL so the copy is one self-contained file. The facts are read from
 * the copy itself, so they describe exactly what it holds.
 */
export async function snapshotSqlite(sourcePath: string, destFile: string): Promise<SnapshotFacts> {
  if (!fs.existsSync(sourcePath))
    throw new BackupError(
      `Basis data ${sourcePath} tidak ada (DATABASE_URL, DATA_DIR?). / The database ${sourcePath} does not exist (DATABASE_URL, DATA_DIR?).`,
    );
  const source = new SQLite(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(destFile, { progress: () => 1_000_000 });
  } finally {
    source.close();
  }
  const copy = new SQLite(destFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return await readFacts(runOnHandle(copy), 'sqlite');
  } finally {
    copy.close();
  }
}

/** Whether the SQLite database at `file` holds accounts (false when there is no file yet). */
export async function sqliteHasUsers(file: string): Promise<boolean> {
  const exists = await fsp
    .stat(file)
    .then((s) => s.size > 0)
    .catch(() => false);
  if (!exists) return false;
  const handle = new SQLite(file, { fileMustExist: true, readonly: true });
  try {
    return await hasUsers(runOnHandle(handle), 'sqlite');
  } finally {
    handle.close();
  }
}

/**
 * Puts a backup's SQLite file in place of the database at `target` (through a temporary file renamed
 * over it; the old file's WAL and shared-memory files go, or SQLite would replay them over the copy).
 * The app must not be running on it.
 */
export async function placeSqlite(dumpFile: string, target: string): Promise<void> {
  const tmp = `${target}.restore-${process.pid}`;
  await fsp.copyFile(dumpFile, tmp);
  await fsp.rm(`${target}-wal`, { force: true });
  await fsp.rm(`${target}-shm`, { force: true });
  await fsp.rename(tmp, target);
}
