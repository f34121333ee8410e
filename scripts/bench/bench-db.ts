import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connect, migrateToLatest, type Db, type Dialect } from '../../src/db/connect.js';
import { setAuditKey } from '../../src/platform/audit.js';

/*
 * A fresh, migrated database for one bench phase: a SQLite file in the phase's work folder, or a new
 * PostgreSQL database on the server of DATABASE_URL (dropped at the end). `serverUrl` is what the started
 * Sinovik gets as its DATABASE_URL, `rawUrl` what a bare baseline server opens directly.
 */

export interface BenchDb {
  db: Db;
  dialect: Dialect;
  serverUrl: string;
  rawUrl: string;
  drop: () => Promise<void>;
}

/** The PostgreSQL server URL to measure on as well, when DATABASE_URL names one. */
export const postgresUrl = (): string | null =>
  /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL! : null;

export async function openBenchDb(
  dialect: Dialect,
  workDir: string,
  auditKey: string,
  adminUrl: string | null = postgresUrl(),
): Promise<BenchDb> {
  if (dialect === 'postgres') {
    if (!adminUrl) throw new Error('PostgreSQL needs DATABASE_URL=postgres://…');
    const name = `sinovik_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = connect(url, 'postgres');
    setAuditKey(db, auditKey);
    await migrateToLatest(db);
    return {
      db,
      dialect,
      serverUrl: url,
      rawUrl: url,
      drop: async () => {
        await db.destroy().catch(() => undefined);
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = path.join(workDir, 'sinovik.sqlite');
  fs.mkdirSync(workDir, { recursive: true });
  const db = connect(file, 'sqlite');
  setAuditKey(db, auditKey);
  await migrateToLatest(db);
  return {
    db,
    dialect,
    serverUrl: `sqlite:${file}`,
    rawUrl: file,
    drop: async () => {
      await db.destroy().catch(() => undefined);
    },
  };
}

/** A bench secretariat's account (no password that signs in): the phases seed their world as it. */
export async function insertBenchUser(db: Db, email: string, name: string, at: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email,
      name,
      position: null,
      phone: null,
      password_hash: 'x',
      locale: 'id',
      must_complete_profile: 0,
      is_active: 1,
      created_at: at,
      updated_at: at,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
