import type { Db } from '../../db/connect.js';
import type { Text } from '../../domain/errors.js';
import type { FinalistFilter, FinalistsResponse } from '../../contracts/finalists.js';
import { finalClosing } from './closing.js';
import { countCandidates, evidenceDecided, findSelection, type FinalistsContext } from './queries.js';

/** What the page asks for: a group, a filter, words, a page. */
export interface LinesQuery {
  group?: string;
  filter?: FinalistFilter;
  q?: string;
  page?: number;
  pageSize?: number;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The finalists page: settings, the evidence stage's state, the staged selection with its per-group and
 * quota outcomes, the closing readiness after the provisional publication, and a page of the explanations
 * (filtered by group, selected / added / removed / plain, words of code, title or institution).
 */
export async function finalistsView(
  db: Db,
  ctx: FinalistsContext,
  query: LinesQuery,
  now: Date,
): Promise<Omit<FinalistsResponse, 'abilities'>> {
  const decided = await evidenceDecided(db, ctx.evidenceStage.id);
  const candidates = decided ? await countCandidates(db, ctx) : 0;
  const selection = await findSelection(db, ctx.stage.id);
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;

  let lines: FinalistsResponse['lines'] = { matching: 0, page, pageSize, rows: [] };
  let selectionView: FinalistsResponse['selection'] = null;
  let closing: FinalistsResponse['closing'] = null;
  if (selection) {
    const all = await db
      .selectFrom('finalist_lines as l')
      .innerJoin('proposals as p', 'p.id', 'l.proposal_id')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select([
        'l.proposal_id',
        'l.group_key',
        'l.score',
        'l.rank_in_group',
        'l.passes_mark',
        'l.in_plain_top',
        'l.selected',
        'l.reason',
        'l.quotas',
        'l.explanation_id',
        'l.explanation_en',
        'p.code',
        'p.title',
        'p.state',
        'i.name as institution',
      ])
      .where('l.selection_id', '=', selection.id)
      .orderBy('l.group_key')
      .orderBy('l.rank_in_group')
      .execute();
    const stats = JSON.parse(selection.stats) as {
      method: string;
      modelled: number;
      eligible: number;
      ms: number;
      unfilled: Record<string, number>;
      totalScore: number | null;
    };
    const problems = JSON.parse(selection.problems) as {
      problems: NonNullable<FinalistsResponse['selection']>['problems'];
      text: Text | null;
    };
    const computedBy = await db
      .selectFrom('users')
      .select('name')
      .where('id', '=', selection.computed_by)
      .executeTakeFirst();
    selectionView = {
      version: selection.version,
      computedAt: selection.computed_at,
      computedBy: computedBy?.name ?? '',
      feasible: selection.feasible === 1,
      stale: selection.settings !== JSON.stringify(ctx.settings),
      problems: problems.problems,
      problemText: problems.text,
      quotaOutcomes: JSON.parse(selection.quota_outcomes) as NonNullable<
        FinalistsResponse['selection']
      >['quotaOutcomes'],
      groups: ctx.groups.map((g) => {
        const of = all.filter((l) => l.group_key === g.key);
        return {
          key: g.key,
          places:
            (JSON.parse(selection.settings) as { perGroup: Record<string, number> }).perGroup[g.key] ?? 0,
          selected: of.filter((l) => l.selected).length,
          plainTop: of.filter((l) => l.in_plain_top).length,
          added: of.filter((l) => l.selected && !l.in_plain_top).length,
          removed: of.filter((l) => !l.selected && l.in_plain_top).length,
          unfilled: stats.unfilled[g.key] ?? 0,
        };
      }),
      totalScore: stats.totalScore,
      stats: { method: stats.method, modelled: stats.modelled, eligible: stats.eligible, ms: stats.ms },
      provisional: selection.provisional_published_at
        ? {
            publishedAt: selection.provisional_published_at,
            letterNumber: selection.provisional_letter_number ?? '',
          }
        : null,
      final: selection.final_published_at
        ? { publishedAt: selection.final_published_at, decreeNumber: selection.decree_number ?? '' }
        : null,
    };
    if (selection.provisional_published_at) {
      const c = await finalClosing(db, ctx, now);
      const finalists = await db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('competition_id', '=', ctx.competition.id)
        .where('state', '=', 'finalist')
        .executeTakeFirstOrThrow();
      closing = {
        ready: c.readiness.ready && !selection.final_published_at,
        blockers: c.blockers,
        finalists: Number(finalists.n),
        removed: c.upheld.length,
      };
    }

    const filter = query.filter ?? 'all';
    const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
    const hits = all.filter((l) => {
      if (query.group && l.group_key !== query.group) return false;
      if (filter === 'selected' && !l.selected) return false;
      if (filter === 'added' && !(l.selected && !l.in_plain_top)) return false;
      if (filter === 'removed' && !(!l.selected && l.in_plain_top)) return false;
      if (filter === 'plain' && !l.in_plain_top) return false;
      if (!words.length) return true;
      const hay = fold(`${l.code} ${l.title} ${l.institution}`);
      return words.every((w) => hay.includes(w));
    });
    lines = {
      matching: hits.length,
      page,
      pageSize,
      rows: hits.slice((page - 1) * pageSize, page * pageSize).map((l) => ({
        proposal: { id: l.proposal_id, code: l.code, title: l.title, institution: l.institution },
        groupKey: l.group_key,
        score: l.score,
        rank: l.rank_in_group,
        passesMark: l.passes_mark === 1,
        inPlainTop: l.in_plain_top === 1,
        selected: l.selected === 1,
        removedByObjection:
          l.selected === 1 && selection.provisional_published_at !== null && l.state !== 'finalist',
        reason: l.reason,
        quotas: JSON.parse(l.quotas) as string[],
        explanation: { id: l.explanation_id, en: l.explanation_en },
      })),
    };
  }

  return {
    competition: { id: ctx.competition.id, name: ctx.competition.name, timeZone: ctx.competition.time_zone },
    stage: { id: ctx.stage.id, nameId: ctx.stage.name_id, nameEn: ctx.stage.name_en },
    groups: ctx.groups.map((g) => ({ key: g.key, nameId: g.nameId, nameEn: g.nameEn })),
    categories: ctx.categories.map((c) => ({ key: c.key, nameId: c.nameId, nameEn: c.nameEn })),
    settings: ctx.settings,
    evidenceStage: {
      id: ctx.evidenceStage.id,
      nameId: ctx.evidenceStage.name_id,
      nameEn: ctx.evidenceStage.name_en,
      decided,
    },
    candidates,
    objectionWindow: {
      opensAt: ctx.objectionStage?.opens_at ?? null,
      closesAt: ctx.objectionStage?.closes_at ?? null,
    },
    selection: selectionView,
    closing,
    lines,
  };
}
