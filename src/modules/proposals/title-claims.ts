import { sql, type Expression } from 'kysely';
import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { ProposalState } from '../../domain/proposal-workflow.js';
import { normalizeTitle } from '../../domain/eligibility.js';
import { TITLE_CLAIMING_STATES } from '../../domain/proposal-eligibility.js';

/*
 * The other proposals of a competition that may claim a proposal's title (domain `titleClaimsAhead` decides
 * which come first): those with the same stored key, and those whose key is not known. Read with the
 * proposal's view (view.ts) for the key it has, so an autosave or a send that keeps the title asks nothing
 * more; read on its own for a title that has just changed.
 */

/** The stored form of a title for the duplicate-title lookup (proposals.title_key). */
export const titleKeyOf = (title: string) => normalizeTitle(title).slice(0, 255);

/** Another proposal that may claim the title. */
export interface TitleClaim {
  id: number;
  title: string;
  state: ProposalState;
  sent_at: string | null;
}

/** The claims read for one title key (`key`): valid for a proposal while its title has that key. */
export interface TitleClaims {
  key: string;
  claims: TitleClaim[];
}

const columns = ['o.id', 'o.title', 'o.state', 'o.sent_at'] as const;

/**
 * The claims on `titleKey` in `competitionId`, other than `exceptId`'s: two lookups in one statement, each
 * served by the (competition_id, title_key) index (an `or` would read the whole competition on SQLite).
 */
function claimsQuery(
  db: Db,
  a: {
    competitionId: number | Expression<number>;
    titleKey: string | Expression<string>;
    exceptId: number | Expression<number>;
  },
) {
  const claiming = (key: 'same' | 'unknown') =>
    db
      .selectFrom('proposals as o')
      .select(columns)
      .where('o.competition_id', '=', a.competitionId)
      .$call((q) =>
        key === 'same' ? q.where('o.title_key', '=', a.titleKey) : q.where('o.title_key', 'is', null),
      )
      .where('o.id', '!=', a.exceptId)
      .where('o.state', 'in', [...TITLE_CLAIMING_STATES]);
  return claiming('same').unionAll(claiming('unknown'));
}

/** The claims on the stored key of the view's proposal `p`: a correlated subquery of the view (view.ts). */
export const titleClaimsOfViewRow = (db: Db) =>
  claimsQuery(db, {
    competitionId: sql.ref<number>('p.competition_id'),
    titleKey: sql.ref<string>('p.title_key'),
    exceptId: sql.ref<number>('p.id'),
  });

const titleClaimsOf = prepared((db, a: { competitionId: number; titleKey: string; exceptId: number }) =>
  claimsQuery(db, a),
);

/**
 * The claims on a proposal's title: those read with its view when the title still has the key they were
 * read for, otherwise one statement.
 */
export async function claimsOnTitle(
  db: Db,
  p: { id: number; competition_id: number; title: string },
  withView: TitleClaims | null,
): Promise<TitleClaim[]> {
  const key = titleKeyOf(p.title);
  if (withView?.key === key) return withView.claims;
  return titleClaimsOf.all(db, { competitionId: p.competition_id, titleKey: key, exceptId: p.id });
}
