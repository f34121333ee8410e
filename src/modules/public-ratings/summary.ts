import type { Db } from '../../db/connect.js';
import { summarize, type PublicRatingSummary } from '../../domain/public-ratings.js';
import { detectAnomalies } from '../../domain/public-ratings-anomalies.js';
import { ratingFacts } from './queries.js';

export type { PublicRatingSummary } from '../../domain/public-ratings.js';

/**
 * The public's ratings of a competition's finalists, per proposal: the count and mean of the ratings
 * counted (the excluded ones are not), the distribution 1–5, whether a flagged group not yet excluded
 * touches it, and how many were excluded. An INPUT for the panel's plenary, never its decision: shown
 * with `INPUT_NOT_DECISION` (domain/public-ratings.ts). A finalist nobody rated is absent from the map.
 */
export async function publicRatingsFor(
  db: Db,
  competitionId: number,
): Promise<Map<number, PublicRatingSummary>> {
  const facts = await ratingFacts(db, competitionId);
  const flagged = new Set<number>();
  const byId = new Map(facts.map((f) => [f.id, f]));
  for (const g of detectAnomalies(facts))
    for (const id of g.ratingIds) {
      const f = byId.get(id)!;
      if (!f.excluded) flagged.add(f.proposalId);
    }
  const counts = new Map<number, { counted: number[]; excluded: number }>();
  for (const f of facts) {
    let c = counts.get(f.proposalId);
    if (!c) counts.set(f.proposalId, (c = { counted: [0, 0, 0, 0, 0], excluded: 0 }));
    if (f.excluded) c.excluded++;
    else c.counted[f.value - 1]!++;
  }
  const out = new Map<number, PublicRatingSummary>();
  for (const [pid, c] of counts) out.set(pid, summarize(c.counted, c.excluded, flagged.has(pid)));
  return out;
}
