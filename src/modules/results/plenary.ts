import type { Db } from '../../db/connect.js';
import { tallyAwards } from '../../domain/final-panel-settings.js';
import type {
  FieldFindingsSummary,
  MissingForResults,
  PlenaryFinalist,
  PlenaryResponse,
  PublicRatingSummary,
} from '../../contracts/results.js';
import {
  findResultsAnnouncement,
  loadDecisions,
  loadFinalists,
  PRESENTATION_KIND,
  type DecisionRow,
  type FinalistRow,
  type ResultsContext,
} from './context.js';
import { reviewerNotes, scoredStages } from './scores.js';

/*
 * The panel's plenary view (issue 13 point 4): per group, each finalist with its score from every scored
 * stage, the combined score, the reviewers' notes, the field findings and public ratings (inputs wired by
 * their own modules; absent → null, shown as "belum ada"), and the staged decision; per award how many
 * are given against its places; and what still blocks the publication.
 */

/**
 * The two inputs of the plenary built by other parts of issue 13 (field verification; public ratings),
 * each answering for the finalists it knows. The app passes them to the results routes once they exist;
 * without them the plenary's columns are null, never invented.
 */
export interface PlenaryInputs {
  fieldFindings?: (
    db: Db,
    competitionId: number,
    proposalIds: readonly number[],
  ) => Promise<Map<number, FieldFindingsSummary>>;
  publicRatings?: (
    db: Db,
    competitionId: number,
    proposalIds: readonly number[],
  ) => Promise<Map<number, PublicRatingSummary>>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What publishing needs of each finalist: a presentation score and a decision. */
export function missingForResults(
  finalists: readonly FinalistRow[],
  presentation: Map<number, number | null> | null,
  decisions: Map<number, DecisionRow>,
): MissingForResults[] {
  const out: MissingForResults[] = [];
  for (const f of finalists) {
    const missing: MissingForResults['missing'] = [];
    if (presentation?.get(f.id) == null) missing.push('presentation_score');
    if (!decisions.has(f.id)) missing.push('decision');
    if (missing.length) out.push({ proposalId: f.id, code: f.code, title: f.title, missing });
  }
  return out;
}

/** The presentation stage's scores (null when the competition has no scored presentation stage). */
export async function presentationScores(db: Db, competitionId: number, now: Date) {
  const stages = await scoredStages(db, competitionId, now);
  return stages.find((s) => s.stage.kind === PRESENTATION_KIND) ?? null;
}

export async function buildPlenary(
  db: Db,
  ctx: ResultsContext,
  sort: PlenaryResponse['sort'],
  inputs: PlenaryInputs,
  now: Date,
): Promise<Omit<PlenaryResponse, 'abilities'>> {
  const c = ctx.competition;
  const [finalists, stages, decisions, published] = await Promise.all([
    loadFinalists(db, c.id),
    scoredStages(db, c.id, now),
    loadDecisions(db, ctx.stage.id),
    findResultsAnnouncement(db, ctx.stage.id),
  ]);
  const ids = finalists.map((f) => f.id);
  const [notes, findings, ratings] = await Promise.all([
    reviewerNotes(
      db,
      stages.map((s) => s.stage.id),
      ids,
    ),
    inputs.fieldFindings ? inputs.fieldFindings(db, c.id, ids) : Promise.resolve(null),
    inputs.publicRatings ? inputs.publicRatings(db, c.id, ids) : Promise.resolve(null),
  ]);
  const presentation = stages.find((s) => s.stage.kind === PRESENTATION_KIND) ?? null;
  const rows = finalists.map((f): PlenaryFinalist & { groupKey: string } => {
    const scores = stages.map((s) => ({ stageId: s.stage.id, score: s.scores.get(f.id) ?? null }));
    const present = scores.map((s) => s.score).filter((v): v is number => v !== null);
    const d = decisions.get(f.id);
    return {
      groupKey: f.groupKey,
      proposal: { id: f.id, code: f.code, title: f.title, institution: f.institution, unit: f.unit },
      scores,
      presentationScore: presentation?.scores.get(f.id) ?? null,
      combined: present.length ? round2(present.reduce((a, b) => a + b, 0) / present.length) : null,
      notes: notes
        .filter((n) => n.proposalId === f.id)
        .map((n) => ({ stageId: n.stageId, criterion: n.criterion, comment: n.comment })),
      fieldFindings: findings?.get(f.id) ?? null,
      publicRating: ratings?.get(f.id) ?? null,
      decision: d
        ? {
            awardKey: d.awardKey,
            reason: d.reason,
            decidedBy: d.decidedBy,
            decidedAt: d.decidedAt,
            version: d.version,
          }
        : null,
    };
  });
  const byScore = (k: 'presentationScore' | 'combined') => (a: PlenaryFinalist, b: PlenaryFinalist) =>
    (b[k] ?? -1) - (a[k] ?? -1) || a.proposal.code.localeCompare(b.proposal.code);
  rows.sort(
    sort === 'name'
      ? (a, b) => a.proposal.title.localeCompare(b.proposal.title, 'id') || a.proposal.id - b.proposal.id
      : byScore(sort === 'combined' ? 'combined' : 'presentationScore'),
  );
  const groups = ctx.groups
    .map((g) => {
      const mine = rows.filter((r) => r.groupKey === g.key);
      const groupSettings = {
        ...ctx.settings,
        awards: ctx.settings.awards.filter((a) => a.groupKey === g.key),
      };
      return {
        key: g.key,
        nameId: g.nameId,
        nameEn: g.nameEn,
        tallies: tallyAwards(
          groupSettings,
          mine.map((r) => ({ awardKey: r.decision?.awardKey ?? null })),
        ).map((x) => ({
          awardKey: x.award.key,
          labelId: x.award.labelId,
          labelEn: x.award.labelEn,
          places: x.award.places,
          awarded: x.awarded,
          status: x.status,
          warning: x.warning,
        })),
        finalists: mine.map(({ groupKey: _g, ...r }) => r),
      };
    })
    .filter((g) => g.finalists.length > 0 || g.tallies.length > 0);
  return {
    competition: { id: c.id, name: c.name, year: c.year, timeZone: c.time_zone },
    stage: { id: ctx.stage.id, nameId: ctx.stage.name_id, nameEn: ctx.stage.name_en },
    scoredStages: stages.map((s) => ({
      id: s.stage.id,
      kind: s.stage.kind,
      nameId: s.stage.name_id,
      nameEn: s.stage.name_en,
      decided: s.decided,
    })),
    presentationStageId: presentation?.stage.id ?? null,
    inputs: { fieldFindings: !!inputs.fieldFindings, publicRatings: !!inputs.publicRatings },
    settings: ctx.settings,
    sort,
    groups,
    missing: missingForResults(finalists, presentation?.scores ?? null, decisions),
    published: published ? { at: published.published_at, decreeNumber: published.letter_number } : null,
  };
}
