import type { PlenaryInputs } from './modules/results/plenary.js';
import { fieldFindingsFor } from './modules/field-verification/summary.js';
import { publicRatingsFor } from './modules/public-ratings/summary.js';

/*
 * The final session's two inputs from other parts of issue 13, wired where the app is put together so the
 * results module depends on neither: the field findings of each finalist's latest submitted visit (the
 * claims confirmed / partly / not found and the verifier's recommendation) and the public's ratings of its
 * benefit (mean, count, whether a flagged group is still counted). A finalist with no submitted visit or
 * no counted rating is absent: the plenary shows "belum ada", never a made-up zero.
 */
export const plenaryInputs: PlenaryInputs = {
  fieldFindings: async (db, competitionId, proposalIds) => {
    const wanted = new Set(proposalIds);
    const out = new Map<
      number,
      { confirmed: number; partly: number; notFound: number; recommendation: string | null }
    >();
    for (const [id, f] of await fieldFindingsFor(db, competitionId))
      if (wanted.has(id))
        out.set(id, {
          confirmed: f.counts.confirmed,
          partly: f.counts.partly,
          notFound: f.counts.notFound,
          recommendation: f.recommendation,
        });
    return out;
  },
  publicRatings: async (db, competitionId, proposalIds) => {
    const wanted = new Set(proposalIds);
    const out = new Map<number, { mean: number; count: number; anomaly: boolean }>();
    for (const [id, r] of await publicRatingsFor(db, competitionId))
      if (wanted.has(id) && r.mean !== null)
        out.set(id, { mean: r.mean, count: r.count, anomaly: r.anomaly });
    return out;
  },
};
