import type { Db } from '../../db/connect.js';
import { perDatabase } from '../../db/per-database.js';
import { prepared } from '../../db/prepared.js';
import type { RegistryEntry } from '../../domain/eligibility.js';

/*
 * The award registry as the eligibility rules read it, kept in memory per database and keyed by
 * data_revisions('awards'), which triggers change on every write to the awards table (migration 0010):
 * each autosave reads one number instead of the registry rows. Rows linked to an institution are kept by
 * institution; rows linked to none match by name and concern every proposal.
 */

interface Snapshot {
  rev: number;
  byInstitution: Map<number, Entry[]>;
  unlinked: Entry[];
}
/** A row of the registry: its id (the order within a year) and the entry the rules read. */
type Entry = { id: number; year: number; entry: RegistryEntry };

/** The registry as last loaded, per database, and how often it was loaded (the counter its tests assert). */
const cacheOf = perDatabase<{ snap?: Snapshot; loads: number }>(() => ({ loads: 0 }));

/** How many times the registry rows were read from `db` (once per revision while the cache works). */
export const registryLoads = (db: Db): number => cacheOf(db).loads;

const awardsRev = prepared((db, a: { name: 'awards' }) =>
  db.selectFrom('data_revisions').select('rev').where('name', '=', a.name),
);

async function load(db: Db, rev: number): Promise<Snapshot> {
  const rows = await db
    .selectFrom('awards')
    .select(['id', 'year', 'level', 'innovation_title', 'institution_name', 'institution_id'])
    .orderBy('year')
    .orderBy('id')
    .execute();
  const byInstitution = new Map<number, Entry[]>();
  const unlinked: Entry[] = [];
  for (const r of rows) {
    const e: Entry = {
      id: r.id,
      year: r.year,
      entry: {
        year: r.year,
        level: r.level,
        innovationTitle: r.innovation_title,
        institutionName: r.institution_name || null,
        institutionId: r.institution_id,
      },
    };
    if (r.institution_id === null) unlinked.push(e);
    else {
      const list = byInstitution.get(r.institution_id);
      if (list) list.push(e);
      else byInstitution.set(r.institution_id, [e]);
    }
  }
  return { rev, byInstitution, unlinked };
}

/**
 * The registry rows that can concern a proposal of these institutions (theirs, and those linked to no
 * institution), oldest first (year, then id) — the rows the rules would read from the table.
 */
export async function registryFor(
  db: Db,
  institutionIds: readonly number[],
  /** data_revisions('awards') when the caller has just read it (with the proposal); else it is read here. */
  knownRev?: number,
): Promise<RegistryEntry[]> {
  const rev = knownRev ?? Number((await awardsRev.first(db, { name: 'awards' }))?.rev ?? 0);
  const cache = cacheOf(db);
  let snap = cache.snap;
  if (!snap || snap.rev !== rev) {
    cache.loads++;
    snap = cache.snap = await load(db, rev);
  }
  const picked: Entry[] = [...snap.unlinked];
  for (const id of new Set(institutionIds)) picked.push(...(snap.byInstitution.get(id) ?? []));
  return picked.sort((a, b) => a.year - b.year || a.id - b.id).map((e) => ({ ...e.entry }));
}
