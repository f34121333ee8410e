import type { Db } from '../../db/connect.js';
import { perDatabase, setRecent } from '../../db/per-database.js';
import type { CompetitionRow } from '../../db/schema.js';
import type { PublicResults } from '../../contracts/results.js';
import { slugsOfProposals } from '../gallery/queries.js';
import { findResultsAnnouncement, loadDecisions, loadFinalists, loadResultsContext } from './context.js';

/*
 * The public results page's data (issue 13 point 5: /kompetisi/:id/hasil). Once published the results
 * never change (decisions and settings refuse every change after the publication), so the answer is built
 * once and kept per database and competition as serialized JSON: a reader costs one map lookup, and 100
 * readers at once share one build. Publishing drops the competition's entry (`forgetResults`); nothing is
 * kept before the publication (the page answers 404 and builds nothing to remember).
 */

const MAX_KEPT = 200;
const cacheOf = perDatabase(() => ({ byCompetition: new Map<number, Promise<string | null>>(), builds: 0 }));

/** How many times the public results were built for `db` (the cache's counter test reads it). */
export const resultsBuilds = (db: Db): number => cacheOf(db).builds;

export function forgetResults(db: Db, competitionId: number): void {
  cacheOf(db).byCompetition.delete(competitionId);
}

async function build(db: Db, c: CompetitionRow): Promise<PublicResults | null> {
  const ctx = await loadResultsContext(db, c);
  const a = await findResultsAnnouncement(db, ctx.stage.id);
  if (!a) return null;
  const [finalists, decisions] = await Promise.all([
    loadFinalists(db, c.id),
    loadDecisions(db, ctx.stage.id),
  ]);
  const awards = new Map(ctx.settings.awards.map((x) => [x.key, x]));
  const published = new Set(
    (JSON.parse(a.entries) as { proposalId?: number }[])
      .map((e) => e.proposalId)
      .filter((x) => x !== undefined),
  );
  // Every published finalist is in the gallery (publishing indexes it); an address missing is not linked.
  const slugs = await slugsOfProposals(
    db,
    finalists.filter((f) => published.has(f.id)).map((f) => f.id),
  );
  const groups = ctx.groups
    .map((g) => {
      const entries = finalists
        .filter((f) => f.groupKey === g.key && published.has(f.id))
        .map((f) => {
          const key = decisions.get(f.id)?.awardKey ?? null;
          const award = key ? awards.get(key) : undefined;
          return {
            proposalId: f.id,
            code: f.code,
            title: f.title,
            institution: f.institution,
            gallerySlug: slugs.get(f.id) ?? null,
            award: award ? { key: award.key, labelId: award.labelId, labelEn: award.labelEn } : null,
          };
        })
        .sort((x, y) => Number(!x.award) - Number(!y.award) || x.code.localeCompare(y.code));
      return { key: g.key, nameId: g.nameId, nameEn: g.nameEn, entries };
    })
    .filter((g) => g.entries.length > 0);
  return {
    competition: { id: c.id, name: c.name, year: c.year, timeZone: c.time_zone },
    decreeNumber: a.letter_number,
    publishedAt: a.published_at,
    ceremony: ctx.settings.ceremony,
    groups,
  };
}

/** The published results as JSON text, or null before the publication (never remembered). */
export async function publicResultsJson(db: Db, c: CompetitionRow): Promise<string | null> {
  const cache = cacheOf(db);
  const kept = cache.byCompetition.get(c.id);
  if (kept) return kept;
  cache.builds++;
  const p = build(db, c).then((r) => (r ? JSON.stringify(r) : null));
  setRecent(cache.byCompetition, c.id, p, MAX_KEPT);
  // A failed build or an unpublished competition is not remembered.
  p.then(
    (r) => {
      if (r === null && cache.byCompetition.get(c.id) === p) cache.byCompetition.delete(c.id);
    },
    () => {
      if (cache.byCompetition.get(c.id) === p) cache.byCompetition.delete(c.id);
    },
  );
  return p;
}
