import type { Db } from '../../db/connect.js';
import type { StageRow } from '../../db/schema.js';
import type { Text } from '../../domain/errors.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { formatSortable } from '../../domain/time.js';
import { parseSettings } from '../../domain/deadlines.js';
import { reviewSettingsOf, type ReviewSettings } from '../../domain/review-settings.js';
import type { SubmittedEvaluation } from '../../domain/scoring/normalize.js';
import { poolOf, submittedEvaluations, type PoolProposal } from '../assignments/queries.js';
import { computeResults, type PanelInput } from '../stage-results/compute.js';
import { panelInputOf } from '../stage-results/load.js';

/*
 * Every score of a scored stage as a workbook (issue 12 point 9), for the organizer's secretariat.
 * Sheet 1 "Penilaian": one row per active assignment (proposal, evaluator, status, submitted at with zone),
 * per rubric criterion its score, weight, whether the evidence supports it and the comment, then the
 * weighted total. The groups may score different criteria: the columns are the union of the stage's
 * criteria by key, in rubric order; a criterion the row's group does not score stays empty. A draft's values
 * stay empty (the evaluator's unfinished work; the progress shows totals only once submitted either).
 * Sheet 2 "Per proposal": each proposal of the stage's pool with its evaluators' totals, the raw and
 * normalized scores, the one that counts, the third-reviewer flag, the pass and the outcome once decided,
 * computed as the results page computes them (stage-results/load.ts).
 */

type Lang = 'id' | 'en';
type Cell = string | number;
const pick = (text: Text, lang: Lang) => text[lang];

/** Rows of sheet 1 read per statement; each batch waits for its turn of the event loop. */
export const SCORE_BATCH = 100;

export interface CriterionColumn {
  key: string;
  label: Text;
}

/** The stage's criteria by key (the union over its groups, in group then rubric order) and per group. */
export async function stageCriteria(db: Db, stage: StageRow) {
  const rows = await db
    .selectFrom('rubric_criteria as r')
    .innerJoin('competition_groups as g', 'g.id', 'r.group_id')
    .select(['r.id', 'r.group_id', 'r.key', 'r.label_id', 'r.label_en', 'r.weight'])
    .where('r.stage_id', '=', stage.id)
    .orderBy('g.position')
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
  const columns: CriterionColumn[] = [];
  const seen = new Set<string>();
  /** group id → criterion key → its id and weight. */
  const byGroup = new Map<number, Map<string, { id: number; weight: number }>>();
  for (const r of rows) {
    if (!seen.has(r.key)) {
      seen.add(r.key);
      columns.push({ key: r.key, label: { id: r.label_id, en: r.label_en } });
    }
    const g = byGroup.get(r.group_id) ?? new Map<string, { id: number; weight: number }>();
    g.set(r.key, { id: r.id, weight: r.weight });
    byGroup.set(r.group_id, g);
  }
  return { columns, byGroup };
}
export type StageCriteria = Awaited<ReturnType<typeof stageCriteria>>;

const STATUS: Record<'not_started' | 'draft' | 'submitted', Text> = {
  not_started: { id: 'Belum mulai', en: 'Not started' },
  draft: { id: 'Draf', en: 'Draft' },
  submitted: { id: 'Dikirim', en: 'Submitted' },
};
const YES: Text = { id: 'Ya', en: 'Yes' };
const NO: Text = { id: 'Tidak', en: 'No' };

/** Sheet 1's headers and widths. */
export function evaluationColumns(criteria: readonly CriterionColumn[], lang: Lang, zone: string) {
  const h = (id: string, en: string) => (lang === 'id' ? id : en);
  return [
    { header: h('Kode', 'Code'), width: 18 },
    { header: h('Judul', 'Title'), width: 44 },
    { header: h('Instansi', 'Institution'), width: 36 },
    { header: h('Kelompok', 'Group'), width: 14 },
    { header: h('Penilai', 'Evaluator'), width: 26 },
    { header: h('Status', 'Status'), width: 12 },
    { header: h(`Dikirim (${zone})`, `Submitted (${zone})`), width: 20 },
    ...criteria.flatMap((c) => {
      const label = pick(c.label, lang);
      return [
        { header: h(`${label} — Nilai`, `${label} — Score`), width: 12 },
        { header: h(`${label} — Bobot`, `${label} — Weight`), width: 10 },
        { header: h(`${label} — Bukti mendukung`, `${label} — Evidence supports`), width: 12 },
        { header: h(`${label} — Komentar`, `${label} — Comment`), width: 40 },
      ];
    }),
    { header: h('Total tertimbang', 'Weighted total'), width: 14 },
  ];
}

/** One batch of sheet 1: active assignments after `from` (code, id), with proposal, evaluator, evaluation. */
function assignmentBatch(db: Db, stageId: number, from: { code: string; id: number } | null) {
  return db
    .selectFrom('review_assignments as a')
    .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select([
      'a.id',
      'p.code',
      'p.title',
      'i.name as institution',
      'p.group_id',
      'g.name_id as group_id_name',
      'g.name_en as group_en_name',
      'u.name as reviewer',
      'e.id as evaluation_id',
      'e.status',
      'e.submitted_at',
      'e.total',
    ])
    .where('a.stage_id', '=', stageId)
    .where('a.status', '=', 'active')
    .where('p.state', 'in', [...IN_JUDGING_STATES])
    .$if(from !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('p.code', '>', from!.code),
          eb.and([eb('p.code', '=', from!.code), eb('a.id', '>', from!.id)]),
        ]),
      ),
    )
    .orderBy('p.code')
    .orderBy('a.id')
    .limit(SCORE_BATCH)
    .execute();
}

/** Sheet 1's rows, in batches (proposal code, then assignment), read as the pool asks for them. */
export async function* evaluationRows(
  db: Db,
  stage: StageRow,
  criteria: StageCriteria,
  lang: Lang,
  timeZone: string,
  turn: () => Promise<void>,
): AsyncGenerator<Cell[][]> {
  let after: { code: string; id: number } | null = null;
  for (;;) {
    await turn();
    const from: { code: string; id: number } | null = after;
    const rows = await assignmentBatch(db, stage.id, from);
    if (!rows.length) return;
    const last = rows[rows.length - 1]!;
    after = { code: String(last.code), id: Number(last.id) };
    const submittedIds = rows.filter((r) => r.status === 'submitted').map((r) => r.evaluation_id!);
    const scores = submittedIds.length
      ? await db
          .selectFrom('evaluation_scores')
          .selectAll()
          .where('evaluation_id', 'in', submittedIds)
          .execute()
      : [];
    const byEvaluation = new Map<number, Map<number, (typeof scores)[number]>>();
    for (const s of scores) {
      const m = byEvaluation.get(s.evaluation_id) ?? new Map<number, (typeof scores)[number]>();
      m.set(s.criterion_id, s);
      byEvaluation.set(s.evaluation_id, m);
    }
    yield rows.map((r) => {
      const status = r.status ?? 'not_started';
      const submitted = status === 'submitted';
      const own = criteria.byGroup.get(r.group_id);
      const given = submitted ? byEvaluation.get(r.evaluation_id!) : undefined;
      const cells: Cell[] = [
        r.code,
        r.title,
        r.institution,
        lang === 'id' ? r.group_id_name : r.group_en_name,
        r.reviewer,
        pick(STATUS[status], lang),
        submitted && r.submitted_at ? formatSortable(r.submitted_at, timeZone) : '',
      ];
      for (const c of criteria.columns) {
        const k = own?.get(c.key);
        if (!k) {
          cells.push('', '', '', '');
          continue;
        }
        const s = given?.get(k.id);
        cells.push(
          s?.value ?? '',
          k.weight,
          s?.evidence_supports === 1 ? pick(YES, lang) : s?.evidence_supports === 0 ? pick(NO, lang) : '',
          s?.comment ?? '',
        );
      }
      cells.push(submitted && r.total !== null ? r.total : '');
      return cells;
    });
    if (rows.length < SCORE_BATCH) return;
  }
}

const PROPOSAL_STATUS: Record<string, Text> = {
  scored: { id: 'Dinilai', en: 'Scored' },
  pending_third: { id: 'Menunggu penilai ketiga', en: 'Waiting for a third reviewer' },
  waiting: { id: 'Menunggu penilaian', en: 'Waiting for evaluations' },
};
const BASIS: Record<'raw' | 'normalized', Text> = {
  raw: { id: 'Mentah', en: 'Raw' },
  normalized: { id: 'Ternormalisasi', en: 'Normalized' },
};
const OUTCOME: Record<'advanced' | 'stopped', Text> = {
  advanced: { id: 'Lanjut', en: 'Advanced' },
  stopped: { id: 'Berhenti', en: 'Stopped' },
};

/** The most active reviewers one proposal of the stage has (sheet 2 has a pair of columns for each). */
export async function mostReviewers(db: Db, stage: StageRow, k: number): Promise<number> {
  const rows = await db
    .selectFrom('review_assignments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('stage_id', '=', stage.id)
    .where('status', '=', 'active')
    .groupBy('proposal_id')
    .execute();
  return Math.max(k, ...rows.map((r) => Number(r.n)));
}

/** Sheet 2's headers: a pair (name, total) per evaluator place, then the proposal's scores. */
export function proposalColumns(most: number, lang: Lang) {
  const h = (id: string, en: string) => (lang === 'id' ? id : en);
  return [
    { header: h('Kode', 'Code'), width: 18 },
    { header: h('Judul', 'Title'), width: 44 },
    { header: h('Instansi', 'Institution'), width: 36 },
    { header: h('Kelompok', 'Group'), width: 14 },
    ...Array.from({ length: most }, (_, i) => [
      { header: h(`Penilai ${i + 1}`, `Evaluator ${i + 1}`), width: 24 },
      { header: h(`Total ${i + 1}`, `Total ${i + 1}`), width: 10 },
    ]).flat(),
    { header: h('Nilai mentah', 'Raw score'), width: 12 },
    { header: h('Nilai ternormalisasi', 'Normalized score'), width: 14 },
    { header: h('Nilai yang dihitung', 'Score that counts'), width: 14 },
    { header: h('Dasar', 'Basis'), width: 14 },
    { header: h('Status', 'Status'), width: 22 },
    { header: h('Penilai ketiga', 'Third reviewer'), width: 14 },
    { header: h('Lulus nilai batas', 'Passes the pass mark'), width: 12 },
    { header: h('Hasil', 'Outcome'), width: 16 },
    { header: h('Penjelasan', 'Explanation'), width: 60 },
  ];
}

/** What sheet 2 is computed from: plain data read by the route, computed in a thread of the export pool. */
export interface ProposalSheetInput {
  pool: PoolProposal[];
  evaluations: SubmittedEvaluation[];
  rules: ReviewSettings;
  /** Decided outcomes by proposal id. */
  outcomes: [number, 'advanced' | 'stopped'][];
  /** Active assignments in assignment order. */
  assignments: { proposalId: number; origin: string; name: string; total: number | null }[];
  groups: { key: string; nameId: string; nameEn: string }[];
  most: number;
  lang: Lang;
  /** A whole-panel stage's seats (the presentation), so sheet 2 counts as the results page does. */
  panel?: PanelInput;
}

/** Reads what sheet 2 needs (no computation: that runs in the pool, `proposalRows`). */
export async function proposalSheetInput(
  db: Db,
  competitionId: number,
  stage: StageRow,
  most: number,
  lang: Lang,
  turn: () => Promise<void>,
  now: Date,
): Promise<ProposalSheetInput> {
  // One statement per turn of the event loop: SQLite answers synchronously, and five large reads in a row
  // would hold everyone else's requests back.
  const pool = await poolOf(db, stage);
  await turn();
  const evaluations = await submittedEvaluations(db, stage.id);
  await turn();
  const decided = await db
    .selectFrom('stage_results')
    .select(['proposal_id', 'outcome'])
    .where('stage_id', '=', stage.id)
    .execute();
  await turn();
  const assignments = await db
    .selectFrom('review_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
    .select(['a.proposal_id', 'a.origin', 'u.name', 'e.status', 'e.total'])
    .where('a.stage_id', '=', stage.id)
    .where('a.status', '=', 'active')
    .orderBy('a.id')
    .execute();
  await turn();
  const groups = await db
    .selectFrom('competition_groups')
    .select(['key', 'name_id', 'name_en'])
    .where('competition_id', '=', competitionId)
    .execute();
  await turn();
  const rules = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
  const panel = await panelInputOf(db, stage, rules, pool, evaluations, now);
  return {
    pool,
    evaluations,
    rules,
    ...(panel ? { panel } : {}),
    outcomes: decided.map((d) => [d.proposal_id, d.outcome]),
    assignments: assignments.map((a) => ({
      proposalId: a.proposal_id,
      origin: a.origin,
      name: a.name,
      total: a.status === 'submitted' ? a.total : null,
    })),
    groups: groups.map((g) => ({ key: g.key, nameId: g.name_id, nameEn: g.name_en })),
    most,
    lang,
  };
}

/**
 * Sheet 2's rows (pure; run in a thread of the export pool): the results computed as the results page
 * computes them (stage-results/compute.ts), by proposal code; evaluators in the order they were assigned
 * (`most` places), submitted totals only.
 */
export function proposalRows(input: ProposalSheetInput): Cell[][] {
  const { lang, most, rules } = input;
  const h = (id: string, en: string) => (lang === 'id' ? id : en);
  const computed = computeResults(input.pool, input.evaluations, rules, input.panel);
  const groupName = new Map(input.groups.map((g) => [g.key, lang === 'id' ? g.nameId : g.nameEn]));
  const byProposal = new Map<number, ProposalSheetInput['assignments']>();
  for (const a of input.assignments) {
    const list = byProposal.get(a.proposalId) ?? [];
    list.push(a);
    byProposal.set(a.proposalId, list);
  }
  const outcomes = new Map(input.outcomes);
  return [...computed.rows]
    .sort((a, b) => (a.proposal.code < b.proposal.code ? -1 : a.proposal.code > b.proposal.code ? 1 : 0))
    .map((row): Cell[] => {
      const reviewers = byProposal.get(row.proposal.id) ?? [];
      const third = reviewers.some((a) => a.origin === 'third');
      const outcome = outcomes.get(row.proposal.id);
      return [
        row.proposal.code,
        row.proposal.title,
        row.proposal.institution,
        groupName.get(row.proposal.group) ?? row.proposal.group,
        ...Array.from({ length: most }, (_, i): Cell[] => {
          const a = reviewers[i];
          return a ? [a.name, a.total ?? ''] : ['', ''];
        }).flat(),
        row.raw ?? '',
        row.normalized ?? '',
        row.score ?? '',
        pick(BASIS[rules.basis], lang),
        pick(PROPOSAL_STATUS[row.status] ?? PROPOSAL_STATUS.waiting!, lang),
        third ? pick(YES, lang) : row.status === 'pending_third' ? h('Diperlukan', 'Needed') : pick(NO, lang),
        row.score === null ? '' : pick(row.passes ? YES : NO, lang),
        outcome ? pick(OUTCOME[outcome], lang) : h('Belum ditetapkan', 'Not decided'),
        pick(row.explanation, lang),
      ];
    });
}
