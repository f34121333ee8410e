import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, migrateToLatest, type Db, type Dialect } from '../../src/db/connect.js';
import { setAuditKey } from '../../src/platform/audit.js';

/** The audit key of a test database used without an app (an app sets its own from the config). */
export const TEST_AUDIT_KEY = 'test-audit-key-test-audit-key-0123456789';

/** The dialect under test: PostgreSQL when DATABASE_URL is a postgres URL, SQLite otherwise. */
export const TEST_DIALECT: Dialect = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
  ? 'postgres'
  : 'sqlite';

export interface TestDb {
  db: Db;
  url: string;
  dialect: Dialect;
  drop: () => Promise<void>;
}

/** A fresh, migrated database of its own for one test file (a SQLite file, or a new PostgreSQL database). */
export async function createTestDb(): Promise<TestDb> {
  const name = `sinovik_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (TEST_DIALECT === 'postgres') {
    const adminUrl = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = connect(url, 'postgres');
    setAuditKey(db, TEST_AUDIT_KEY);
    await migrateToLatest(db);
    return {
      db,
      url,
      dialect: 'postgres',
      drop: async () => {
        await db.destroy();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-db-'));
  const url = path.join(dir, `${name}.sqlite`);
  const db = connect(url, 'sqlite');
  setAuditKey(db, TEST_AUDIT_KEY);
  await migrateToLatest(db);
  return {
    db,
    url,
    dialect: 'sqlite',
    drop: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
