import type { Db } from '../../db/connect.js';
import { conflictReasons, reasonText } from '../../domain/conflicts.js';
import { AppError, t, type Text } from '../../domain/errors.js';
import { regionalRuleOf } from '../assignments/context.js';
import type { AssignmentContext } from './queries.js';

/*
 * A reviewer never scores a proposal they have a conflict of interest with (issue 13: "a panelist scoring a
 * finalist they have a conflict with → refused"), even if an assignment row somehow exists: the same rules
 * as the assignment (domain/conflicts.ts: own institution, its parent or child, stored rows, the regional
 * rule), read for this one pair.
 */

/** Why the assignment's reviewer may not judge its proposal (empty: no conflict). */
export async function conflictOfAssignment(db: Db, c: AssignmentContext): Promise<Text[]> {
  const [institution, profile, stored, rule] = await Promise.all([
    db
      .selectFrom('proposals as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id')
      .select(['i.id', 'i.region_code', 'i.parent_id'])
      .where('p.id', '=', c.proposal.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reviewer_profiles as rp')
      .leftJoin('institutions as ai', 'ai.id', 'rp.affiliation_institution_id')
      .select(['rp.affiliation_institution_id', 'rp.region_code', 'ai.parent_id as affiliation_parent_id'])
      .where('rp.competition_id', '=', c.competition.id)
      .where('rp.user_id', '=', c.assignment.reviewer_id)
      .executeTakeFirst(),
    db
      .selectFrom('reviewer_conflicts')
      .select(['institution_id', 'source', 'note'])
      .where('competition_id', '=', c.competition.id)
      .where('user_id', '=', c.assignment.reviewer_id)
      .execute(),
    regionalRuleOf(db, c.competition.id),
  ]);
  const own = profile?.affiliation_institution_id ?? null;
  const reasons = conflictReasons(
    {
      affiliationInstitutionId: own,
      regionCode: profile?.region_code ?? null,
      conflicts: stored.map((s) => ({ institutionId: s.institution_id, source: s.source, note: s.note })),
    },
    { id: institution.id, regionCode: institution.region_code, parentId: institution.parent_id },
    rule,
    own === null
      ? null
      : {
          id: own,
          regionCode: profile?.region_code ?? null,
          parentId: profile?.affiliation_parent_id ?? null,
        },
  );
  return reasons.map(reasonText);
}

/** 403 `conflict_of_interest` naming every reason. */
export function conflictOfInterest(reasons: readonly Text[]): AppError {
  return new AppError(
    403,
    'conflict_of_interest',
    t(
      `Anda memiliki benturan kepentingan dengan proposal ini (${reasons.map((r) => r.id).join('; ')}); Anda abstain dan tidak dapat menilainya.`,
      `You have a conflict of interest with this proposal (${reasons.map((r) => r.en).join('; ')}); you abstain and cannot score it.`,
    ),
  );
}

/** Refuses (403) when the assignment's reviewer is in conflict with its proposal. */
export async function assertNoConflict(db: Db, c: AssignmentContext): Promise<void> {
  const reasons = await conflictOfAssignment(db, c);
  if (reasons.length) throw conflictOfInterest(reasons);
}
