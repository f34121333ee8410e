import { titleKeyOf } from '../../src/modules/proposals/title-claims.js';
import type { Db } from '../../src/db/connect.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { hashPassword } from '../../src/platform/passwords.js';
import { KEMENPAN_RB_NAME } from '../../src/seed/reference.js';
import { Client, Recorder, sleep, type Answer } from './http.js';
import { BENCH_PASSWORD } from './seed.js';
import { summarize, type LatencySummary } from './stats.js';

/*
 * Exports during the surge: while the UPPs keep autosaving, the organizer's secretariat downloads the
 * XLSX of every proposal that reached it (`rows` of them, a national KIPP has some 3,500) and proposal
 * PDFs. PDFs and spreadsheets are made in the server's worker-thread pool, so the autosave p99 during
 * this phase must stay under the same 100 ms. Setup (not measured): a second KIPP of the same organizer
 * (next year's, a draft its secretariat may export) with `rows` forwarded proposals written straight into
 * the tables, full answers for the ones printed, and the secretariat accounts.
 */

export interface SeededExports {
  competitionId: number;
  proposalIds: number[];
  secretariats: string[];
  rows: number;
}

const SECTION_TEXT =
  'Pelayanan administrasi kependudukan dengan sistem jemput bola ke desa-desa terpencil, sehingga warga ' +
  'tidak perlu datang ke kantor kabupaten; petugas membawa perangkat perekaman dan mencetak dokumen di tempat. ';

export async function seedExports(
  db: Db,
  opts: { rows: number; pdfs: number; secretariats: number; year: number },
): Promise<SeededExports> {
  const stamp = new Date().toISOString();
  const organizer = await db
    .selectFrom('institutions')
    .selectAll()
    .where('name', '=', KEMENPAN_RB_NAME)
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(BENCH_PASSWORD);
  const secretariats: string[] = [];
  const adminId = (
    await db
      .selectFrom('role_grants')
      .select('user_id')
      .where('role', '=', 'system_admin')
      .executeTakeFirstOrThrow()
  ).user_id;
  const kipp = await createFromTemplate(db, {
    template: 'kipp',
    preset: 'kipp-2023',
    year: opts.year,
    organizer,
    createdBy: adminId,
    ip: null,
    now: new Date(),
  });
  const group = await db
    .selectFrom('competition_groups')
    .select('id')
    .where('competition_id', '=', kipp.id)
    .where('key', '=', 'umum')
    .executeTakeFirstOrThrow();
  const sections = await db
    .selectFrom('form_sections')
    .select('id')
    .where('group_id', '=', group.id)
    .execute();
  const units = await db
    .selectFrom('units')
    .innerJoin('institutions as i', 'i.id', 'units.institution_id')
    .select(['units.id as unitId', 'units.institution_id as institutionId'])
    .where('i.type', 'in', ['pemerintah_kabupaten', 'pemerintah_kota'])
    .orderBy('units.id')
    .limit(500)
    .execute();
  if (!units.length) throw new Error('seedExports needs the bench units (run seedBench first)');
  const proposalIds: number[] = [];
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < opts.secretariats; i++) {
      const email = `sekretariat.${i + 1}@bench.sinovik.local`;
      const user = await tx
        .insertInto('users')
        .values({
          email,
          name: `Sekretariat Bench ${i + 1}`,
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
          institution_id: organizer.id,
          unit_id: null,
          competition_id: null,
          granted_by: null,
          created_at: stamp,
        })
        .execute();
      secretariats.push(email);
    }
    for (let start = 0; start < opts.rows; start += 500) {
      const batch = await tx
        .insertInto('proposals')
        .values(
          Array.from({ length: Math.min(500, opts.rows - start) }, (_, k) => {
            const i = start + k;
            const u = units[i % units.length];
            return {
              competition_id: kipp.id,
              code: `EKSPOR-${opts.year}-${String(i + 1).padStart(5, '0')}`,
              institution_id: u.institutionId,
              unit_id: u.unitId,
              group_id: group.id,
              category_id: null,
              title: `Inovasi Pelayanan Publik Terpadu Nomor ${i + 1}`,
              title_key: titleKeyOf(`Inovasi Pelayanan Publik Terpadu Nomor ${i + 1}`),
              acronym: `IPPT${i + 1}`,
              implementation_start: '2022-01-10',
              innovator_kind: 'team' as const,
              innovator_names: 'Tim Inovasi Daerah',
              contact_name: 'Sari Wulandari',
              contact_phone: '081234567890',
              contact_email: `narahubung.${i + 1}@bench.sinovik.local`,
              links: '[]',
              declaration_accepted: 1,
              state: 'forwarded' as const,
              version: 1,
              created_by: adminId,
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
        .returning('id')
        .execute();
      proposalIds.push(...batch.map((r) => r.id));
    }
    // The printed ones carry full answers (about 2 KB a section).
    for (const id of proposalIds.slice(0, opts.pdfs))
      await tx
        .insertInto('proposal_answers')
        .values(
          sections.map((s) => ({
            proposal_id: id,
            section_id: s.id,
            text: SECTION_TEXT.repeat(10),
            word_count: 270,
            updated_at: stamp,
          })),
        )
        .execute();
  });
  return {
    competitionId: kipp.id,
    proposalIds: proposalIds.slice(0, opts.pdfs),
    secretariats,
    rows: opts.rows,
  };
}

export interface ExportPhaseResult {
  xlsx: number;
  pdfs: number;
  ok: number;
  errors: number;
  /** Answers 429 export_busy (retried after their Retry-After; not errors). */
  busy: number;
  statuses: Record<string, number>;
  /** From the first request to the last file, epoch ms. */
  startedAt: number;
  endedAt: number;
  /** Each export from its first request to its file, waits after a 429 included. */
  xlsxMs: LatencySummary;
  pdfMs: LatencySummary;
  xlsxBytes: number | null;
  failures: { status: number; detail: string }[];
}

/**
 * `count` XLSX exports and `count` proposal PDFs, by the seeded secretariats, each holding at most two at
 * a time (its own limit); a 429 is honoured by waiting its Retry-After and asking again.
 */
export async function exportPhase(opts: {
  port: number;
  seeded: SeededExports;
  count: number;
  rec: Recorder;
}): Promise<ExportPhaseResult> {
  const { seeded } = opts;
  const jobs: { kind: 'xlsx' | 'pdf'; path: string }[] = [];
  for (let i = 0; i < opts.count; i++) {
    jobs.push({
      kind: 'xlsx',
      path: `/api/competitions/${seeded.competitionId}/proposals/export?format=xlsx&sort=code&dir=asc`,
    });
    jobs.push({
      kind: 'pdf',
      path: `/api/proposals/${seeded.proposalIds[i % seeded.proposalIds.length]}/pdf`,
    });
  }
  const users = seeded.secretariats.slice(0, Math.max(1, Math.ceil(jobs.length / 4)));
  const statuses: Record<string, number> = {};
  const times = { xlsx: [] as number[], pdf: [] as number[] };
  const failures: ExportPhaseResult['failures'] = [];
  let ok = 0;
  let busy = 0;
  let xlsxBytes: number | null = null;
  const startedAt = Date.now();
  const one = async (c: Client, job: (typeof jobs)[number]) => {
    const t = performance.now();
    for (let attempt = 0; attempt < 30; attempt++) {
      const a: Answer = await c.request('GET', job.path);
      statuses[a.status] = (statuses[a.status] ?? 0) + 1;
      if (a.status === 429) {
        busy++;
        const wait = Number(a.headers['retry-after'] ?? 1);
        await sleep(Math.min(10, Math.max(1, wait)) * 1000);
        continue;
      }
      const good =
        a.status === 200 &&
        (job.kind === 'pdf'
          ? a.body.subarray(0, 5).toString('latin1') === '%PDF-'
          : a.body.subarray(0, 2).toString('latin1') === 'PK');
      opts.rec.add(`export ${job.kind}`, a, good);
      if (good) {
        ok++;
        times[job.kind].push(performance.now() - t);
        if (job.kind === 'xlsx') xlsxBytes = a.body.length;
      } else if (failures.length < 5)
        failures.push({ status: a.status, detail: a.error ?? a.body.toString('utf8', 0, 300) });
      return;
    }
    if (failures.length < 5) failures.push({ status: 429, detail: 'still busy after 30 attempts' });
  };
  await Promise.all(
    users.map(async (email, u) => {
      const mine = jobs.filter((_, j) => j % users.length === u);
      // Two lanes per person: its own limit.
      const lanes = [0, 1].map(async (lane) => {
        const c = new Client(opts.port, { timeoutMs: 300_000 });
        try {
          const login = await c.request('POST', '/api/auth/login', { email, password: BENCH_PASSWORD });
          opts.rec.add('export login', login);
          if (login.status !== 200) return;
          for (const job of mine.filter((_, j) => j % 2 === lane)) await one(c, job);
        } finally {
          c.close();
        }
      });
      await Promise.all(lanes);
    }),
  );
  return {
    xlsx: opts.count,
    pdfs: opts.count,
    ok,
    errors: jobs.length - ok,
    busy,
    statuses,
    startedAt,
    endedAt: Date.now(),
    xlsxMs: summarize(times.xlsx),
    pdfMs: summarize(times.pdf),
    xlsxBytes,
    failures,
  };
}
