import { sql } from 'kysely';
import { titleKeyOf } from '../../src/modules/proposals/title-claims.js';
import type { Db } from '../../src/db/connect.js';
import { Client, json, sleep } from './http.js';
import { BENCH_PASSWORD, type Seeded } from './seed.js';
import { cpuSecondsOf } from './stats.js';

/*
 * The organizer's full list: after the surge, a secretariat of the organizer asks for every proposal of the
 * national KIPP that reached it (GET /api/proposals?competitionId=…, no pageSize: the whole list, as the
 * API answers without paging) `requests` times, one at a time, on an otherwise idle server.
 *
 * Server time is the server process's CPU time (utime + stime from /proc/<pid>/stat, 10 ms ticks) over the
 * requests, less what the idle process used over as long a time just before (its worker polls), divided by
 * the requests. Rows per second = rows in one answer / server CPU seconds per answer. The wall time per
 * request at concurrency 1 is reported beside it (it includes the loopback transfer and the generator).
 */

export interface ListPhaseResult {
  requests: number;
  rows: number;
  /** Every answer was 200 with `rows` items and `total` = `rows`. */
  ok: boolean;
  bytes: number;
  cpuMsPerRequest: number;
  idleCpuMsPerS: number;
  rowsPerS: number;
  wallMs: { p50: number; min: number; max: number };
  failures: string[];
}

/**
 * For `--list-only`: writes `rows` proposals into the surge's KIPP as the surge leaves them (forwarded, a
 * category, one signed PDF each), straight into the tables, so the list can be measured without the surge.
 */
export async function seedListRows(db: Db, seeded: Seeded, rows: number): Promise<{ secretariat: string }> {
  const stamp = new Date().toISOString();
  const secretariat = 'sekretariat.daftar@bench.sinovik.local';
  const kipp = seeded.competitionId;
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', kipp)
    .where('key', '=', seeded.groupKey)
    .executeTakeFirstOrThrow();
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('competition_id', '=', kipp)
    .where('key', '=', seeded.categoryKey)
    .executeTakeFirstOrThrow();
  const organizer = await db
    .selectFrom('competitions')
    .select('organizer_institution_id')
    .where('id', '=', kipp)
    .executeTakeFirstOrThrow();
  const hash = (
    await db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', seeded.systemAdmin)
      .executeTakeFirstOrThrow()
  ).password_hash;
  await db.transaction().execute(async (tx) => {
    const user = await tx
      .insertInto('users')
      .values({
        email: secretariat,
        name: 'Sekretariat Daftar',
        position: 'Sekretariat KIPP',
        phone: '081200000000',
        password_hash: hash,
        locale: 'id',
        must_complete_profile: 0,
        is_active: 1,
        created_at: stamp,
        updated_at: stamp,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_grants')
      .values({
        user_id: user.id,
        role: 'secretariat',
        institution_id: organizer.organizer_institution_id,
        unit_id: null,
        competition_id: null,
        granted_by: null,
        created_at: stamp,
      })
      .execute();
    for (let start = 0; start < rows; start += 500) {
      const batch = Array.from({ length: Math.min(500, rows - start) }, (_, k) => start + k);
      const ids = await tx
        .insertInto('proposals')
        .values(
          batch.map((i) => {
            const u = seeded.upps[i % seeded.upps.length];
            return {
              competition_id: kipp,
              code: `KIPP-LIST-${String(i + 1).padStart(5, '0')}`,
              institution_id: u.institutionId,
              unit_id: u.unitId,
              group_id: group.id,
              category_id: category.id,
              title: `Inovasi ${u.userId}-${i + 1} Layanan Jemput Bola Adminduk`,
              title_key: titleKeyOf(`Inovasi ${u.userId}-${i + 1} Layanan Jemput Bola Adminduk`),
              acronym: `LJBA${i + 1}`,
              implementation_start: '2022-01-10',
              innovator_kind: 'team' as const,
              innovator_names: 'Tim Inovasi Daerah',
              contact_name: 'Sari Wulandari',
              contact_phone: '081234567890',
              contact_email: `narahubung.${i + 1}@bench.sinovik.local`,
              links: '[{"label":"Video","url":"https://video.example.id/inovasi"}]',
              declaration_accepted: 1,
              state: 'forwarded' as const,
              version: 40,
              created_by: u.userId,
              created_at: stamp,
              updated_at: stamp,
              sent_at: stamp,
              forwarded_at: stamp,
              received_at: null,
              returned_note: null,
              source_award_id: null,
            };
          }),
        )
        .returning(['id', 'created_by'])
        .execute();
      const files = await tx
        .insertInto('files')
        .values(
          ids.map((p) => ({
            sha256: 'f'.repeat(64),
            size: 1048576,
            mime: 'application/pdf',
            original_name: `surat-pernyataan-${p.id}.pdf`,
            storage_key: `bench/${p.id}`,
            uploaded_by: p.created_by,
            created_at: stamp,
          })),
        )
        .returning('id')
        .execute();
      await tx
        .insertInto('proposal_attachments')
        .values(
          ids.map((p, k) => ({
            proposal_id: p.id,
            file_id: files[k].id,
            kind: 'evidence' as const,
            section_id: null,
            uploaded_by: p.created_by,
            created_at: stamp,
            updated_at: stamp,
          })),
        )
        .execute();
    }
  });
  // Rows written at once, as the autovacuum daemon would after them: the planner's statistics (a list read
  // right after a bulk insert is planned for an empty table otherwise).
  await sql`analyze`.execute(db);
  return { secretariat };
}

/** Waits (at most `maxS`) until the server uses under 3% of a core over a second: the surge's mail is out. */
async function quiet(pid: number, maxS: number) {
  const until = Date.now() + maxS * 1000;
  while (Date.now() < until) {
    const c0 = cpuSecondsOf(pid) ?? 0;
    await sleep(1000);
    if ((cpuSecondsOf(pid) ?? 0) - c0 < 0.03) return;
  }
}

export async function listPhase(opts: {
  port: number;
  pid: number;
  competitionId: number;
  secretariat: string;
  expectedRows: number;
  requests: number;
}): Promise<ListPhaseResult> {
  const c = new Client(opts.port, { timeoutMs: 60_000 });
  const failures: string[] = [];
  const path = `/api/proposals?competitionId=${opts.competitionId}`;
  try {
    const login = await c.request('POST', '/api/auth/login', {
      email: opts.secretariat,
      password: BENCH_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`secretariat login failed: ${login.status}`);
    let ok = true;
    let bytes = 0;
    let rows = 0;
    const check = (a: Awaited<ReturnType<Client['request']>>) => {
      if (a.status !== 200) {
        ok = false;
        if (failures.length < 5) failures.push(`${a.status}: ${a.error ?? a.body.toString('utf8', 0, 300)}`);
        return;
      }
      const body = json<{ items: unknown[]; total: number }>(a);
      rows = body.items.length;
      bytes = a.body.length;
      if (rows !== opts.expectedRows || body.total !== opts.expectedRows) {
        ok = false;
        if (failures.length < 5)
          failures.push(`${rows} items, total ${body.total}; expected ${opts.expectedRows}`);
      }
    };
    // Warm up (JIT, SQLite page cache), then wait for the server to be idle and measure its idle use.
    for (let i = 0; i < 3; i++) check(await c.request('GET', path));
    await quiet(opts.pid, 60);
    const idleS = 2;
    const i0 = cpuSecondsOf(opts.pid) ?? 0;
    await sleep(idleS * 1000);
    const idleCpuPerS = ((cpuSecondsOf(opts.pid) ?? 0) - i0) / idleS;
    const walls: number[] = [];
    const t0 = performance.now();
    const c0 = cpuSecondsOf(opts.pid) ?? 0;
    for (let i = 0; i < opts.requests; i++) {
      const a = await c.request('GET', path);
      walls.push(a.ms);
      check(a);
    }
    const cpuS = (cpuSecondsOf(opts.pid) ?? 0) - c0;
    const wallS = (performance.now() - t0) / 1000;
    const cpuPerRequest = Math.max(0, cpuS - idleCpuPerS * wallS) / opts.requests;
    walls.sort((a, b) => a - b);
    const r1 = (v: number) => Math.round(v * 10) / 10;
    return {
      requests: opts.requests,
      rows,
      ok,
      bytes,
      cpuMsPerRequest: r1(cpuPerRequest * 1000),
      idleCpuMsPerS: r1(idleCpuPerS * 1000),
      rowsPerS: cpuPerRequest > 0 ? Math.round(rows / cpuPerRequest) : 0,
      wallMs: { p50: r1(walls[Math.floor(walls.length / 2)]), min: r1(walls[0]), max: r1(walls.at(-1)!) },
      failures,
    };
  } finally {
    c.close();
  }
}

/** Goal of issue 10: the full list of 3,500 in under 45 ms of server time, HotCRP's best rate here. */
export const LIST_GOAL = { rows: 3500, cpuMs: 45, rowsPerS: 77_000 };

/**
 * The phase's line in the result table. A list of at least 90 % of the goal's rows is judged (the surge may
 * forward a few less than 3,500 when a send is refused), its time scaled to 3,500 rows; a shorter one
 * (`--quick`) is reported but not judged: its time is mostly the request's own, whatever the rows.
 */
export function listTarget(r: ListPhaseResult | null): {
  target: string;
  figure: string;
  goal: string;
  pass: boolean | null;
} {
  return {
    target: `organizer's full list, ${r?.rows ?? '-'} rows`,
    figure: r
      ? `${r.cpuMsPerRequest} CPU-ms, ${r.rowsPerS.toLocaleString('en')} rows/s, ${Math.round(r.bytes / 1024)} KB`
      : '-',
    goal: `< ${LIST_GOAL.cpuMs} ms/${LIST_GOAL.rows}`,
    pass: !r
      ? false
      : !r.ok
        ? false
        : r.rows < LIST_GOAL.rows * 0.9
          ? null
          : (r.cpuMsPerRequest * LIST_GOAL.rows) / r.rows < LIST_GOAL.cpuMs &&
            r.rowsPerS >= LIST_GOAL.rowsPerS,
  };
}
