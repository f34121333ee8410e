import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { connect, migrateToLatest } from '../../src/db/connect.js';
import { setAuditKey } from '../../src/platform/audit.js';
import { ratingCookieName } from '../../src/modules/public-ratings/voter.js';
import { makeInstitution, makeUnit, makeUser, publishedKipp } from '../../test/helpers/fixtures.js';
import { makeFinalist } from '../../test/helpers/finalists.js';
import { Client, sleep } from './http.js';
import { summarize } from './stats.js';

/*
 * Public ratings (issue 13 point 8, `--only ratings`): many verified rating sessions rate the finalists at
 * the same time, paced at TARGET per second for DURATION seconds: each person rates every finalist in turn,
 * sends each rating twice at once (a double tap), some re-rate (and some rate again from a second session of
 * the same person). Then the database is counted: one row per person and finalist, holding that person's
 * last value, and each finalist's count and mean exactly as the acknowledged ratings say. Server in process
 * (the sessions are written directly: verification by mail is not what is measured), SQLite unless
 * DATABASE_URL is set; X-Forwarded-For spreads the people over addresses (TRUSTED_PROXIES=127.0.0.1).
 */
export async function runRatingsOnly(opts: {
  target: number;
  durationS: number;
  people: number;
  finalists: number;
  auditKey: string;
}): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinovik-bench-ratings-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bench.sqlite')}`,
    SESSION_SECRET: 'bench-ratings-secret-bench-ratings-secret-0123',
    AUDIT_KEY: opts.auditKey,
    LOG_LEVEL: 'silent',
    TRUSTED_PROXIES: '127.0.0.1',
  });
  const db = connect(config.databaseUrl, config.dialect);
  await migrateToLatest(db);
  setAuditKey(db, opts.auditKey);
  const app = await buildApp({ config, db, logger: false, worker: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const now = new Date();
  const kipp = await publishedKipp(db, { organizerName: `Kementerian Bench ${Date.now()}`, now });
  const inst = await makeInstitution(db, { name: 'Pemerintah Kota Bench' });
  const unit = await makeUnit(db, inst.id, 'Dinas Bench');
  const upp = await makeUser(db, { role: 'upp', institutionId: inst.id, unitId: unit.id });
  const finalists: number[] = [];
  for (let i = 0; i < opts.finalists; i++)
    finalists.push(
      (
        await makeFinalist(db, {
          competitionId: kipp.competitionId,
          institutionId: inst.id,
          unitId: unit.id,
          createdBy: upp.id,
          actorUserId: kipp.secretariat.id,
          now,
        })
      ).id,
    );
  await db
    .insertInto('public_rating_windows')
    .values({
      competition_id: kipp.competitionId,
      stage_id: null,
      enabled: 1,
      opens_at: new Date(now.getTime() - 3600_000).toISOString(),
      closes_at: new Date(now.getTime() + 86_400_000).toISOString(),
      updated_by: kipp.secretariat.id,
      updated_at: now.toISOString(),
    })
    .execute();
  // Every person has a session; one in five has a second one (the same person, another device).
  const cookieName = ratingCookieName(false);
  const sign = (token: string) => app.signCookie(token);
  const people: { voter: string; cookies: string[]; ip: string }[] = [];
  for (let p = 0; p < opts.people; p++) {
    const voter = crypto.createHash('sha256').update(`bench-voter-${p}`).digest('hex');
    const cookies: string[] = [];
    for (let s = 0; s < (p % 5 === 0 ? 2 : 1); s++) {
      const token = crypto.randomBytes(24).toString('base64url');
      await db
        .insertInto('public_rating_sessions')
        .values({
          token_hash: crypto.createHash('sha256').update(token).digest('hex'),
          competition_id: kipp.competitionId,
          voter_hash: voter,
          ip: null,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 7200_000).toISOString(),
        })
        .execute();
      cookies.push(`${cookieName}=${encodeURIComponent(sign(token))}`);
    }
    people.push({ voter, cookies, ip: `10.${(p >> 16) & 255}.${(p >> 8) & 255}.${p & 255}` });
  }
  // Each person's plan: every finalist once, then a re-rating of the first two (from the other session if any).
  const last = new Map<string, number>();
  const plans = people.map((person, p) => {
    const steps: { cookie: string; proposalId: number; value: number }[] = finalists.map((fid, k) => ({
      cookie: person.cookies[0]!,
      proposalId: fid,
      value: 1 + ((p + k) % 5),
    }));
    for (const k of [0, 1])
      steps.push({
        cookie: person.cookies[person.cookies.length - 1]!,
        proposalId: finalists[k]!,
        value: 1 + ((p * 7 + k) % 5),
      });
    return steps;
  });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let acknowledged = 0;
  const path_ = `/api/public/competitions/${kipp.competitionId}/public-ratings/ratings`;
  const clients = people.map(() => new Client(port));
  const cursor = people.map(() => 0);
  const busy = people.map(() => false);
  const started = Date.now();
  const endAt = started + opts.durationS * 1000;
  // Open loop: a tick every 1000/target ms starts the next step of the next idle person with steps left.
  let next = 0;
  const inflight = new Set<Promise<void>>();
  const step = async (p: number) => {
    busy[p] = true;
    const s = plans[p]![cursor[p]!]!;
    cursor[p]!++;
    const c = clients[p]!;
    const one = async () => {
      const t0 = performance.now();
      const a = await c.request(
        'PUT',
        path_,
        { proposalId: s.proposalId, value: s.value },
        { cookie: s.cookie, 'x-forwarded-for': people[p]!.ip },
      );
      latencies.push(performance.now() - t0);
      statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      return a.status === 200;
    };
    sent += 2;
    // The double tap: the same rating twice at once (two requests, one row).
    const [a, b] = await Promise.all([one(), one()]);
    if (a || b) last.set(`${s.proposalId}:${people[p]!.voter}`, s.value);
    acknowledged += (a ? 1 : 0) + (b ? 1 : 0);
    busy[p] = false;
  };
  // Paced by the wall clock: step k (two requests) is due at started + k × 2000/target ms; each turn of
  // the loop starts every step now due, so timer jitter does not lower the rate.
  let launched = 0;
  const launch = () => {
    for (let tries = 0; tries < people.length; tries++) {
      const p = next++ % people.length;
      if (!busy[p] && cursor[p]! < plans[p]!.length) {
        const pr = step(p).finally(() => inflight.delete(pr));
        inflight.add(pr);
        return;
      }
    }
  };
  while (Date.now() < endAt) {
    const due = Math.floor(((Date.now() - started) * opts.target) / 2000);
    while (launched < due) {
      launch();
      launched++;
    }
    await sleep(2);
  }
  await Promise.all(inflight);
  const wallS = (Date.now() - started) / 1000;
  await app.close();
  for (const c of clients) c.close();
  // Count: one row per (finalist, person) acknowledged, holding the last value; counts and means exact.
  const db2 = connect(config.databaseUrl, config.dialect);
  const rows = await db2
    .selectFrom('public_ratings')
    .select(['proposal_id', 'voter_hash', 'value'])
    .where('competition_id', '=', kipp.competitionId)
    .execute();
  await db2.destroy();
  const keys = new Set(rows.map((r) => `${r.proposal_id}:${r.voter_hash}`));
  const doubles = rows.length - keys.size;
  let lost = 0;
  let wrong = 0;
  for (const [k, v] of last) {
    const r = rows.find((x) => `${x.proposal_id}:${x.voter_hash}` === k);
    if (!r) lost++;
    else if (r.value !== v) wrong++;
  }
  const extra = rows.length - last.size;
  const lat = summarize(latencies);
  const rate = Math.round((acknowledged / wallS) * 10) / 10;
  console.log(
    JSON.stringify(
      {
        phase: 'ratings',
        database: config.dialect,
        people: opts.people,
        finalists: opts.finalists,
        target: opts.target,
        wallS: Math.round(wallS * 10) / 10,
        requests: sent,
        acknowledged,
        ratePerS: rate,
        statuses,
        latencyMs: lat,
        rows: rows.length,
        expectedRows: last.size,
        lost,
        doubleCounted: doubles + Math.max(0, extra),
        wrongValue: wrong,
      },
      null,
      2,
    ),
  );
  const pass = lost === 0 && doubles === 0 && extra === 0 && wrong === 0 && rate >= opts.target * 0.95;
  console.log(pass ? 'PASS ratings' : 'FAIL ratings');
  fs.rmSync(dataDir, { recursive: true, force: true });
  return pass ? 0 : 1;
}
