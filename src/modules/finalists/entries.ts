import type { Db } from '../../db/connect.js';
import type { AnnouncementEntry } from '../../contracts/announcements.js';

const BATCH = 500;

/**
 * The public lines of these proposals in a finalists' list (proposalId for the objection link, code, title,
 * institution, group), by group position then code.
 */
export async function finalistEntries(db: Db, ids: readonly number[]): Promise<AnnouncementEntry[]> {
  const rows = [];
  for (let i = 0; i < ids.length; i += BATCH)
    rows.push(
      ...(await db
        .selectFrom('proposals as p')
        .innerJoin('institutions as i', 'i.id', 'p.institution_id')
        .innerJoin('competition_groups as g', 'g.id', 'p.group_id')
        .select([
          'p.id',
          'p.code',
          'p.title',
          'i.name as institution',
          'g.name_id',
          'g.name_en',
          'g.position',
        ])
        .where('p.id', 'in', ids.slice(i, i + BATCH))
        .execute()),
    );
  rows.sort((a, b) => a.position - b.position || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return rows.map((r) => ({
    proposalId: r.id,
    code: r.code,
    title: r.title,
    institution: r.institution,
    group: { id: r.name_id, en: r.name_en },
  }));
}
