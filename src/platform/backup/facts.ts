import { sql } from 'kysely';
import type { Db, Dialect } from '../../db/connect.js';
import type { InventoriedFile } from './manifest.js';

/** Runs one SQL text (no parameters) and returns its rows: a snapshot's connection or the restored database. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/** What a backup records about the database and checks again after a restore. */
export interface SnapshotFacts {
  migration: string | null;
  tables: Record<string, number>;
  audit: { events: number; lastEventId: number | null; headHash: string | null };
  files: InventoriedFile[];
}

const TABLES_SQL: Record<Dialect, string> = {
  sqlite: `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`,
  postgres: `select table_name as name from information_schema.tables
             where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads the facts of one consistent view of the database: every table's row count, the newest migration,
 * the audit chain's head and the stored files' inventory. Run on the SQLite backup copy itself, or inside
 * the PostgreSQL transaction whose snapshot pg_dump dumps, so they describe the same moment as the dump.
 */
export async function readFacts(run: RunSql, dialect: Dialect): Promise<SnapshotFacts> {
  const tables: Record<string, number> = {};
  for (const row of await run(TABLES_SQL[dialect])) {
    const name = String(row.name);
    const [count] = await run(`select count(*) as n from ${quote(name)}`);
    tables[name] = Number(count.n);
  }
  const [migration] = tables.kysely_migration
    ? await run('select name from kysely_migration order by name desc limit 1')
    : [];
  const [head] =
    tables.audit_events !== undefined
      ? await run(
          'select id, hash from audit_events where chain_seq is not null order by chain_seq desc limit 1',
        )
      : [];
  const files =
    tables.files !== undefined
      ? await run('select storage_key, sha256, size from files order by storage_key, id')
      : [];
  const byKey = new Map<string, InventoriedFile>();
  for (const f of files)
    if (!byKey.has(String(f.storage_key)))
      byKey.set(String(f.storage_key), {
        key: String(f.storage_key),
        sha256: String(f.sha256),
        size: Number(f.size),
      });
  return {
    migration: migration ? String(migration.name) : null,
    tables,
    audit: {
      events: tables.audit_events ?? 0,
      lastEventId: head ? Number(head.id) : null,
      headHash: head ? (head.hash as string | null) : null,
    },
    files: [...byKey.values()],
  };
}

/** `RunSql` over the app's own connection (the restored database). */
export const runOn =
  (db: Db): RunSql =>
  async (text) =>
    (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;

/** Whether the database already holds accounts (an installation in use): a restore refuses it. */
export async function hasUsers(run: RunSql, dialect: Dialect): Promise<boolean> {
  const exists =
    dialect === 'sqlite'
      ? await run(`select 1 from sqlite_master where type = 'table' and name = 'users'`)
      : await run(
          `select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'users'`,
        );
  if (!exists.length) return false;
  return (await run('select 1 from users limit 1')).length > 0;
}
