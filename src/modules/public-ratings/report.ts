import type { Db } from '../../db/connect.js';
import { INPUT_NOT_DECISION } from '../../domain/public-ratings.js';
import { detectAnomalies, explainAnomaly } from '../../domain/public-ratings-anomalies.js';
import { presentCompetition, presentWindow } from './window-view.js';
import { listPublicFinalists, ratingFacts, type RatingCompetition } from './queries.js';
import { publicRatingsFor } from './summary.js';

/** The secretariat's and the panel's view: each finalist's summary, the anomaly report, the exclusions. */
export async function ratingReport(db: Db, c: RatingCompetition, now: Date, manage: boolean) {
  const [finalists, summaries, facts, exclusions] = await Promise.all([
    listPublicFinalists(db, c.id),
    publicRatingsFor(db, c.id),
    ratingFacts(db, c.id),
    db
      .selectFrom('public_rating_exclusions as e')
      .innerJoin('users as u', 'u.id', 'e.excluded_by')
      .select(['e.id', 'e.group_key', 'e.kind', 'e.reason', 'e.rating_count', 'u.name', 'e.created_at'])
      .where('e.competition_id', '=', c.id)
      .orderBy('e.id')
      .execute(),
  ]);
  const names = new Map(finalists.map((f) => [f.proposalId, `${f.code} "${f.title}"`]));
  const name = (pid: number) => names.get(pid) ?? `#${pid}`;
  return {
    competition: presentCompetition(c),
    window: presentWindow(c, now),
    notice: INPUT_NOT_DECISION,
    finalists: finalists.map((f) => ({
      proposalId: f.proposalId,
      code: f.code,
      title: f.title,
      institution: f.institution,
      summary: summaries.get(f.proposalId) ?? {
        count: 0,
        mean: null,
        distribution: [0, 0, 0, 0, 0],
        anomaly: false,
        excluded: 0,
      },
    })),
    anomalies: detectAnomalies(facts).map((g) => ({
      key: g.key,
      kind: g.kind,
      proposalId: g.proposalId,
      ratings: g.ratings,
      voters: g.voters,
      excluded: g.excluded,
      from: g.from,
      to: g.to,
      words: explainAnomaly(g, name, c.timeZone),
    })),
    exclusions: exclusions.map((e) => ({
      id: e.id,
      groupKey: e.group_key,
      kind: e.kind,
      reason: e.reason,
      ratings: e.rating_count,
      by: e.name,
      at: e.created_at,
    })),
    abilities: { manage },
  };
}
