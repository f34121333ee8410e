import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/db/connect.js';
import { DiskStorage } from '../../src/platform/storage-disk.js';
import type { RestoreOptions } from '../../src/platform/backup/restore.js';
import type { TestContext } from './app.js';
import { TEST_DIALECT } from './db.js';
import { uploadRequiredEvidence } from './evidence.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp, sessionCookie } from './fixtures.js';

/** Inside the KIPP 2026 template's submission window. */
export const NOW = new Date('2026-04-01T03:00:00.000Z');

/** An installation nobody has used: a database with nothing in it (no file / a new database) and an empty DATA_DIR. */
export interface EmptyInstallation {
  databaseUrl: string;
  /** DATABASE_URL as an operator writes it (sqlite:PATH or the postgres URL). */
  envUrl: string;
  dialect: Dialect;
  dataDir: string;
  drop: () => Promise<void>;
}

export async function emptyInstallation(): Promise<EmptyInstallation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-restore-'));
  if (TEST_DIALECT === 'postgres') {
    const name = `sinovik_r_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const adminUrl = process.env.DATABASE_URL!;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return {
      databaseUrl: u.toString(),
      envUrl: u.toString(),
      dialect: 'postgres',
      dataDir,
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const file = path.join(dataDir, 'sinovik.sqlite');
  return {
    databaseUrl: file,
    envUrl: `sqlite:${file}`,
    dialect: 'sqlite',
    dataDir,
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** restoreBackup's options for a target installation with disk storage and the given keys. */
export function restoreInto(
  target: EmptyInstallation,
  from: string,
  keys: RestoreOptions['keys'],
): RestoreOptions {
  const storageRoot = path.join(target.dataDir, 'files');
  return {
    from,
    databaseUrl: target.databaseUrl,
    dialect: target.dialect,
    dataDir: target.dataDir,
    keys,
    storage: new DiskStorage(storageRoot),
    storageKind: 'disk',
    storageRoot,
  };
}

/** The source installation's data: a published KIPP, an institution's account, proposals with evidence. */
export async function fillInstallation(ctx: TestContext, proposals: number) {
  ctx.clock.freeze(NOW);
  const kipp = await publishedKipp(ctx.db, { organizerName: 'Kementerian Cadangan', now: NOW });
  const inst = await makeInstitution(ctx.db, { name: 'Pemerintah Kabupaten Cadangan' });
  const unit = await makeUnit(ctx.db, inst.id, 'Dinas Cadangan');
  const upp = await makeUser(ctx.db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
  const cookie = await sessionCookie(ctx, upp.id);
  const ids: number[] = [];
  for (let i = 0; i < proposals; i++) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/competitions/${kipp.competitionId}/proposals`,
      headers: { cookie },
      payload: { groupKey: 'umum', title: `Layanan Cadangan ${i + 1}` },
    });
    if (res.statusCode !== 201 && res.statusCode !== 200)
      throw new Error(`create: ${res.statusCode} ${res.body}`);
    ids.push(res.json().id as number);
  }
  const uploaded = await uploadRequiredEvidence(ctx.app, cookie, ids[0]);
  // A worker pass: the outbox is delivered and the audit checkpoint copied out of the database.
  await ctx.deliverMail();
  return { upp, cookie, proposalIds: ids, uploaded };
}

/** `count` autosaves of one proposal, one after another (each from the version the last one answered). */
export async function autosaveChain(
  ctx: TestContext,
  cookie: string,
  id: number,
  count: number,
  onSaved: () => void = () => undefined,
) {
  let version = (
    await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie } })
  ).json().version as number;
  for (let i = 0; i < count; i++) {
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/proposals/${id}`,
      headers: { cookie },
      payload: {
        version,
        acronym: `CAD${i}`,
        answers: [{ sectionKey: 'ringkasan', text: `Ringkasan versi ${i}.` }],
      },
    });
    if (res.statusCode !== 200) throw new Error(`autosave: ${res.statusCode} ${res.body}`);
    version = res.json().version as number;
    onSaved();
  }
}
