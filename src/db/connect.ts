import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';
import { withNamedStatements } from './pg-named-statements.js';
import { migrations } from './migrations/index.js';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

// PostgreSQL returns int8 (count(*), bigint columns) as strings; every such value here fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

const pools = new WeakMap<Db, pg.Pool>();

/** A PostgreSQL pool's clients (for the metrics): open, idle, and requests waiting for one; null on SQLite. */
export function poolStats(db: Db): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/** PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise (config.ts). */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the database: SQLite (WAL, foreign keys on) for a path, PostgreSQL for a postgres:// URL with a pool
 * of at most `poolSize` connections (config DATABASE_POOL_SIZE; default 10).
 */
export function connect(databaseUrl: string, dialect: Dialect, opts: { poolSize?: number } = {}): Db {
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle connection closed by the server (restart, failover, admin shutdown) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on('error', (err) => {
      if ((err as { code?: string }).code !== '57P01') console.error('postgres pool error:', err.message);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) });
    pools.set(db, pool);
    return db;
  }
  if (databaseUrl !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databaseUrl)), { recursive: true });
  const database = new SQLite(databaseUrl);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }),
  });
}

/**
 * Every SQLite transaction takes the write lock when it begins (BEGIN IMMEDIATE), waiting out busy_timeout for
 * it. Kysely begins them deferred: one that read first and wrote after failed at once with "database is locked"
 * (SQLITE_BUSY, busy_timeout does not apply) whenever another process — a `sinovik worker` beside the web
 * process — wrote in between, since its snapshot could no longer become a write. Within one process nothing
 * changes: the driver runs one transaction at a time on its single connection anyway.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: SqliteDialectConfig) {
    super(sqliteConfig);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Distinct SQL texts kept prepared; the least recently used goes first beyond this. */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew, which costs as much as running it: the same statements
 * run on every request (sessions, the proposal view, autosave), so they are kept prepared and reused. Safe
 * because the driver runs one query at a time on its single connection (a stream holds it until done).
 */
export function withStatementCache(
  database: SQLite.Database,
  max = SQLITE_STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) cache.delete(text);
      else {
        stmt = database.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter' ? 'postgres' : 'sqlite';
}
