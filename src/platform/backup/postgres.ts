import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { hasUsers, readFacts, type SnapshotFacts } from './facts.js';
import { BackupError } from './manifest.js';

const run = promisify(execFile);

/**
 * The PostgreSQL client program `name` (pg_dump, pg_restore): on PATH, else the newest of
 * /usr/lib/postgresql/<version>/bin (Debian's layout); a BackupError saying how to get it when neither.
 */
export function findPgTool(
  name: 'pg_dump' | 'pg_restore',
  env: NodeJS.ProcessEnv = process.env,
  base = '/usr/lib/postgresql',
): string {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const file = path.join(base, v, 'bin', name);
    if (isExecutable(file)) return file;
  }
  throw new BackupError(
    `${name} tidak ditemukan (PATH, /usr/lib/postgresql/*/bin): pasang klien PostgreSQL dengan versi utama yang sama dengan server atau lebih baru (Debian/Ubuntu: apt-get install postgresql-client). / ${name} not found (PATH, /usr/lib/postgresql/*/bin): install the PostgreSQL client of the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client).`,
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  const bin = findPgTool(name);
  try {
    await run(bin, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new BackupError(`${name} gagal / failed: ${(e.stderr || e.message).trim()}`);
  }
}

/**
 * A consistent dump of a live PostgreSQL database: a REPEATABLE READ transaction exports its snapshot,
 * counts every table and reads the audit head and the files' inventory inside it, and pg_dump
 * (--format=custom --snapshot) dumps that same snapshot while the transaction stays open; writes made
 * meanwhile are in neither.
 */
export async function snapshotPostgres(url: string, destFile: string): Promise<SnapshotFacts> {
  const client = await connected(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const facts = await readFacts(async (text) => (await client.query(text)).rows, 'postgres');
    await tool('pg_dump', [
      '--format=custom',
      `--snapshot=${rows[0].id}`,
      '--no-owner',
      '--no-privileges',
      `--file=${destFile}`,
      `--dbname=${url}`,
    ]);
    await client.query('commit');
    return facts;
  } finally {
    await client.end();
  }
}

/** A client connected to `url`; a BackupError naming the problem when the server cannot be reached. */
async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (err) {
    const where = new URL(url);
    throw new BackupError(
      `PostgreSQL di ${where.host}${where.pathname} tidak dapat dihubungi / cannot be reached: ${(err as Error).message}`,
    );
  }
}

/** Whether the PostgreSQL database at `url` holds accounts. */
export async function postgresHasUsers(url: string): Promise<boolean> {
  const client = await connected(url);
  try {
    return await hasUsers(async (text) => (await client.query(text)).rows, 'postgres');
  } finally {
    await client.end();
  }
}

/**
 * Loads a custom-format dump into the database at `url` in one transaction (nothing half-restored on an
 * error); objects of the dump already there (an empty migrated installation) are dropped first.
 */
export async function restorePostgres(url: string, dumpFile: string): Promise<void> {
  await tool('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    dumpFile,
  ]);
}
