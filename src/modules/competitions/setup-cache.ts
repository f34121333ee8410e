import type { Db } from '../../db/connect.js';
import { perDatabase, setRecent } from '../../db/per-database.js';
import type { CategoryRow, CompetitionGroupRow, CompetitionRow, FormSectionRow } from '../../db/schema.js';
import { findCompetitionRow, findSubmissionStage } from './queries.js';

/*
 * The setup of a competition as every proposal request reads it — its row, groups with their form
 * sections, categories and submission window — kept in memory per database and keyed by
 * competitions.config_rev, which triggers set to a new random number on any change of those rows
 * (migration 0008). A request reads the number with the proposal (one query) and loads the setup again
 * only when it changed, so a change made by any process is seen by the next request of every process.
 * A setup read inside a transaction that is later rolled back is kept under a number no committed state
 * will ever carry, so it is never served.
 */

export type GroupSetup = CompetitionGroupRow & { sections: FormSectionRow[] };

export interface CompetitionSetup {
  rev: number;
  competition: CompetitionRow;
  groups: ReadonlyMap<number, GroupSetup>;
  categories: CategoryRow[];
  submission: { opensAt: string | null; closesAt: string | null } | null;
}

/** One cache per database. */
const cacheOf = perDatabase(() => new Map<number, CompetitionSetup>());
/** Bounded: a few competitions are active at a time; beyond this the least recently used goes first. */
const MAX_ENTRIES = 64;

async function loadSetup(db: Db, competitionId: number): Promise<CompetitionSetup | undefined> {
  const competition = await findCompetitionRow(db, competitionId);
  if (!competition) return undefined;
  const [groups, sections, categories, stage] = await Promise.all([
    db
      .selectFrom('competition_groups')
      .selectAll()
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('form_sections as s')
      .innerJoin('competition_groups as g', 'g.id', 's.group_id')
      .selectAll('s')
      .where('g.competition_id', '=', competitionId)
      .orderBy('s.position')
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('categories')
      .selectAll()
      .where('competition_id', '=', competitionId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    findSubmissionStage(db, competitionId),
  ]);
  return {
    rev: competition.config_rev,
    competition,
    groups: new Map(
      groups.map((g) => [g.id, { ...g, sections: sections.filter((s) => s.group_id === g.id) }]),
    ),
    categories,
    submission: stage ? { opensAt: stage.opens_at, closesAt: stage.closes_at } : null,
  };
}

/**
 * The competition's setup at revision `rev` (as just read from competitions.config_rev), from memory
 * when it is there at that revision, else from the database.
 */
export async function competitionSetup(
  db: Db,
  competitionId: number,
  rev: number,
): Promise<CompetitionSetup | undefined> {
  const cache = cacheOf(db);
  const hit = cache.get(competitionId);
  if (hit && hit.rev === rev) {
    setRecent(cache, competitionId, hit, MAX_ENTRIES);
    return hit;
  }
  const setup = await loadSetup(db, competitionId);
  if (!setup) return setup;
  // Keyed by the revision read with the competition's row, before its other rows.
  setRecent(cache, competitionId, setup, MAX_ENTRIES);
  return setup;
}
