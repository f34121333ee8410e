import { titleKeyOf } from '../../src/modules/proposals/title-claims.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect } from '../../src/db/connect.js';
import type { InstitutionType, ProposalStateValue } from '../../src/db/schema.js';
import { createFromTemplate } from '../../src/modules/competitions/commands/create-from-template.js';
import { seasonReport, seasonYears } from '../../src/modules/season-report/report.js';
import { funnelRowsQuery } from '../../src/modules/season-report/queries.js';
import { insertBenchUser, openBenchDb, postgresUrl } from './bench-db.js';
import { repoRoot } from './server.js';

/*
 * The season report (issue 13 "Speed": "the season report over 30,000 proposals < 2 s"). A KIPP with 30,000
 * proposals of 548 participants (34 provinces, 514 regencies/cities, ministries) spread over every step of
 * the funnel, written straight into the tables as the seasons leave them (a transition revision per move,
 * evaluation_1 results, the published final selection, award rows), plus the organizer's previous year
 * with 3,000. The report is computed as the route computes it (`seasonReport` + `seasonYears`, the grouped
 * query and its assembly; no HTTP), worst of 5 after a warm-up, against the raw baseline: the cheapest
 * grouped count over the same proposals (state, count(*)) through the same connection. The plans of the
 * grouped query are printed (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN). SQLite, and PostgreSQL too
 * when DATABASE_URL=postgres://… is set.
 */

export const SEASON_REPORT_GOAL = { proposals: 30000, ms: 2000 };

const r1 = (x: number) => Math.round(x * 10) / 10;

async function seed(db: Db, proposals: number) {
  const now = new Date();
  const at = now.toISOString();
  const ins = async (type: InstitutionType, name: string, region: string | null) =>
    (
      await db
        .insertInto('institutions')
        .values({
          type,
          name,
          short_name: null,
          region_code: region,
          parent_id: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const organizerId = await ins('kementerian', 'Kementerian PANRB Bench Laporan', null);
  const organizer = await db
    .selectFrom('institutions')
    .selectAll()
    .where('id', '=', organizerId)
    .executeTakeFirstOrThrow();
  const userId = await insertBenchUser(
    db,
    'sekretariat.laporan@bench.sinovik.local',
    'Sekretariat Laporan',
    at,
  );
  const make = (year: number) =>
    createFromTemplate(db, { template: 'kipp', year, organizer, createdBy: userId, ip: null, now });
  const current = await make(2026);
  const previous = await make(2025);
  await db.updateTable('competitions').set({ status: 'published' }).execute();

  const participants: { id: number; unit: number }[] = [];
  const add = async (type: InstitutionType, name: string, region: string | null) => {
    const id = await ins(type, name, region);
    const unit = await db
      .insertInto('units')
      .values({
        institution_id: id,
        name: `Dinas ${name}`,
        kind: 'upp',
        parent_unit_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    participants.push({ id, unit: unit.id });
  };
  for (let p = 11; p < 45; p++) {
    await add('pemerintah_provinsi', `Pemerintah Provinsi ${p}`, String(p));
    for (let r = 1; r <= 15 && participants.length < 548; r++)
      await add(
        r % 4 === 0 ? 'pemerintah_kota' : 'pemerintah_kabupaten',
        `Pemerintah Daerah ${p}.${r}`,
        `${p}.${String(r).padStart(2, '0')}`,
      );
  }
  for (let k = 0; k < 30; k++) await add('kementerian', `Kementerian Peserta ${k}`, null);

  const stageOf = async (competitionId: number, kind: string) =>
    (
      await db
        .selectFrom('stages')
        .select('id')
        .where('competition_id', '=', competitionId)
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow()
    ).id;
  const groupsOf = async (competitionId: number) =>
    (
      await db
        .selectFrom('competition_groups')
        .select('id')
        .where('competition_id', '=', competitionId)
        .orderBy('position')
        .execute()
    ).map((g) => g.id);
  const categoriesOf = async (competitionId: number) =>
    (
      await db
        .selectFrom('categories')
        .select('id')
        .where('competition_id', '=', competitionId)
        .orderBy('position')
        .execute()
    ).map((c) => c.id);

  // Steps by proposal number: 0–9 of every 100 drafts, 10–14 frozen, 15–29 disqualified, 30–34 incomplete,
  // 35–64 passed and stopped at evaluation 1, 65–89 nominated, 90–98 finalists, 99 Top Terpuji.
  const stepOf = (n: number) => n % 100;
  const stateOf = (s: number): ProposalStateValue =>
    s < 10
      ? 'draft'
      : s < 15
        ? 'frozen'
        : s < 30
          ? 'disqualified'
          : s < 35
            ? 'incomplete'
            : s < 90
              ? 'passed_admin'
              : 'finalist';
  async function fill(competitionId: number, count: number, year: number) {
    const groups = await groupsOf(competitionId);
    const categories = await categoriesOf(competitionId);
    const evaluation = await stageOf(competitionId, 'evaluation_1');
    const finalistsStage = await stageOf(competitionId, 'finalists');
    const selection = await db
      .insertInto('finalist_selections')
      .values({
        competition_id: competitionId,
        stage_id: finalistsStage,
        settings: '{}',
        feasible: 1,
        problems: '{"problems":[],"text":null}',
        quota_outcomes: '[]',
        stats: '{}',
        computed_by: userId,
        computed_at: at,
        provisional_letter_number: 'B/1/PP.00.05',
        provisional_published_by: userId,
        provisional_published_at: at,
        decree_number: 'Kepmen 1',
        final_published_by: userId,
        final_published_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k);
      const rows = await db
        .insertInto('proposals')
        .values(
          batch.map((n) => {
            const who = participants[n % participants.length]!;
            const state = stateOf(stepOf(n));
            const reached = !['draft', 'frozen'].includes(state);
            return {
              competition_id: competitionId,
              code: `LAP-${year}-${String(n).padStart(6, '0')}`,
              institution_id: who.id,
              unit_id: who.unit,
              group_id: groups[n % 7 === 0 ? 1 : 0]!,
              category_id: categories[n % categories.length]!,
              title: `Inovasi Bench ${n}`,
              title_key: titleKeyOf(`Inovasi Bench ${n}`),
              acronym: null,
              implementation_start: '2022-01-10',
              innovator_kind: 'team' as const,
              innovator_names: 'Tim',
              contact_name: null,
              contact_phone: null,
              contact_email: null,
              links: '[]',
              declaration_accepted: 1 as const,
              state,
              version: 3,
              created_by: userId,
              created_at: at,
              updated_at: at,
              sent_at: state === 'draft' ? null : at,
              forwarded_at: reached ? at : null,
              received_at: reached ? at : null,
              returned_note: null,
              source_award_id: null,
            };
          }),
        )
        .returning(['id', 'state'])
        .execute();
      const revisions = rows.flatMap((r, k) => {
        const s = stepOf(batch[k]!);
        const actions = [
          'send',
          ...(s >= 15 ? ['forward', 'receive'] : []),
          ...(s >= 35 ? ['passAdmin'] : []),
          ...(s >= 15 && s < 30 ? ['disqualify'] : []),
          ...(s >= 90 ? ['shortlist'] : []),
        ];
        return actions.map((action, v) => ({
          proposal_id: r.id,
          version: v + 1,
          kind: 'transition' as const,
          action,
          snapshot: '{}',
          saved_by: userId,
          created_at: at,
          saved_at: at,
        }));
      });
      for (let i = 0; i < revisions.length; i += 500)
        await db
          .insertInto('proposal_revisions')
          .values(revisions.slice(i, i + 500))
          .execute();
      const judged = rows.filter((_, k) => stepOf(batch[k]!) >= 35);
      if (judged.length)
        await db
          .insertInto('stage_results')
          .values(
            judged.map((r) => {
              const advanced = stepOf(batch[rows.indexOf(r)]!) >= 65;
              return {
                stage_id: evaluation,
                proposal_id: r.id,
                raw_score: advanced ? 80 : 50,
                normalized_score: null,
                score: advanced ? 80 : 50,
                basis: 'raw' as const,
                outcome: advanced ? ('advanced' as const) : ('stopped' as const),
                explanation_id: '',
                explanation_en: '',
                decided_by: userId,
                decided_at: at,
              };
            }),
          )
          .execute();
      const finalists = rows.filter((r) => r.state === 'finalist');
      if (finalists.length) {
        await db
          .insertInto('finalist_lines')
          .values(
            finalists.map((r, k) => ({
              selection_id: selection.id,
              proposal_id: r.id,
              group_key: 'umum',
              score: 90,
              rank_in_group: start + k + 1,
              passes_mark: 1,
              in_plain_top: 1,
              selected: 1,
              reason: 'top',
              quotas: '[]',
              explanation_id: '',
              explanation_en: '',
            })),
          )
          .execute();
        await db
          .insertInto('awards')
          .values(
            finalists.flatMap((r) => {
              const top = stepOf(batch[rows.indexOf(r)]!) === 99;
              return (top ? (['TOP99', 'TOP45'] as const) : (['TOP99'] as const)).map((level) => ({
                year,
                level,
                innovation_title: `Inovasi Bench ${r.id}`,
                institution_name: '',
                institution_id: null,
                source_url: null,
                notes: null,
                created_at: at,
                created_by: null,
                updated_at: at,
                competition_id: competitionId,
                proposal_id: r.id,
              }));
            }),
          )
          .execute();
      }
    }
  }
  await fill(current.id, proposals, 2026);
  await fill(previous.id, Math.round(proposals / 10), 2025);
  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('id', '=', current.id)
    .executeTakeFirstOrThrow();
  return { competition, organizer, userId: userId };
}

async function onDialect(dialect: Dialect, proposals: number, log: (l: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `sinovik-bench-season-${dialect}-`));
  const bench = await openBenchDb(dialect, tmp, 'bench-audit-key-bench-audit-key-0123456789');
  try {
    const t0 = performance.now();
    const { competition, organizer, userId } = await seed(bench.db, proposals);
    if (dialect === 'postgres') await sql`analyze`.execute(bench.db);
    log(
      `  ${dialect}: seeded ${proposals} + ${Math.round(proposals / 10)} proposals in ${r1((performance.now() - t0) / 1000)} s`,
    );
    const actor = {
      userId,
      grants: [
        { role: 'secretariat' as const, institutionId: organizer.id, unitId: null, competitionId: null },
      ],
    };
    const report = async () => {
      const started = performance.now();
      const [r] = await Promise.all([
        seasonReport(bench.db, { competition, organizer, province: null, actor, now: new Date() }),
        seasonYears(bench.db, { competition, organizer, province: null }),
      ]);
      return { ms: performance.now() - started, registered: r.funnel[0]!.count, top: r.funnel[5]!.count };
    };
    const baseline = async () => {
      const started = performance.now();
      await sql`select state, count(*) as n from proposals where competition_id = ${competition.id} group by state`.execute(
        bench.db,
      );
      return performance.now() - started;
    };
    await report();
    await baseline();
    const times: number[] = [];
    const bases: number[] = [];
    let last = { registered: 0, top: 0 };
    for (let i = 0; i < 5; i++) {
      const r = await report();
      times.push(r.ms);
      last = r;
      bases.push(await baseline());
    }
    const compiled = funnelRowsQuery(bench.db, {
      competitionIds: [competition.id],
      province: null,
      regionLevel: 'province',
    }).compile();
    const plan = await bench.db.executeQuery(
      CompiledQuery.raw(`${dialect === 'sqlite' ? 'explain query plan' : 'explain'} ${compiled.sql}`, [
        ...compiled.parameters,
      ]),
    );
    const worst = Math.max(...times);
    const base = Math.max(...bases);
    return {
      dialect,
      proposals,
      registered: last.registered,
      topTerpuji: last.top,
      worstMs: r1(worst),
      medianMs: r1([...times].sort((a, b) => a - b)[2]!),
      baselineWorstMs: r1(base),
      ratio: r1(worst / base),
      plan: plan.rows.map(
        (r) => (r as Record<string, unknown>)[dialect === 'sqlite' ? 'detail' : 'QUERY PLAN'] as string,
      ),
      pass: worst < SEASON_REPORT_GOAL.ms && last.registered === proposals,
    };
  } finally {
    await bench.drop();
    if (dialect === 'sqlite') fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runSeasonReportOnly(opts: { proposals: number }): Promise<number> {
  const log = (line: string) => console.log(line);
  const started = new Date();
  log(`Sinovik benchmark — the season report only (${started.toISOString()})`);
  log(
    `\n▶ season report: ${opts.proposals} proposals, worst of 5 after a warm-up, goal < ${SEASON_REPORT_GOAL.ms} ms`,
  );
  const dialects: Dialect[] = postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
  const results = [];
  for (const d of dialects) {
    const r = await onDialect(d, opts.proposals, log);
    results.push(r);
    log(`  ${d} plan of the grouped query:`);
    for (const line of r.plan) log(`    ${line}`);
    log(
      `season report over ${r.proposals} proposals (${d}): worst ${r.worstMs} ms, median ${r.medianMs} ms; raw baseline (grouped count by state) worst ${r.baselineWorstMs} ms, ratio ${r.ratio} (goal < ${SEASON_REPORT_GOAL.ms} ms) ${r.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  const outDir = path.join(repoRoot, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}-season-report.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify({ startedAt: started.toISOString(), seasonReport: results }, null, 2) + '\n',
  );
  log(`figures written to ${path.relative(process.cwd(), outFile)}`);
  return results.every((r) => r.pass) ? 0 : 1;
}
