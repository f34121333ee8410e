import type { ExpressionBuilder } from 'kysely';
import type { Database, InstitutionType } from '../../db/schema.js';
import { mayTakePart, parseParticipation } from '../../domain/participation.js';

/**
 * THE rule of who takes part in a competition, in one place (issue 11 point 7): an institution the
 * competition takes (its "who may take part", domain/participation.ts) that has an active admin lokal, plus
 * any institution that already has a proposal in the competition (so nothing it sent drops out of the
 * counts when its admin lokal leaves or the rule changes). `isParticipantCandidate` narrows in SQL, and
 * `takesPart` applies the competition's rule to each row.
 */
export function takesPart(
  competition: { participants: string | null },
  row: {
    type: InstitutionType;
    regionCode: string | null;
    ownerRegionCode: string | null;
    hasProposal: boolean;
  },
): boolean {
  return row.hasProposal || mayTakePart(parseParticipation(competition.participants), row);
}

/** An institution with an active admin lokal or a proposal in the competition (`i`: the institutions alias). */
export function isParticipantCandidate(competitionId: number) {
  return (eb: ExpressionBuilder<Database & { i: Database['institutions'] }, 'i'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('role_grants as pg')
          .innerJoin('users as pu', 'pu.id', 'pg.user_id')
          .select('pg.id')
          .whereRef('pg.institution_id', '=', 'i.id')
          .where('pg.role', '=', 'local_admin')
          .where('pu.is_active', '=', 1),
      ),
      eb.exists(
        eb
          .selectFrom('proposals as pp')
          .select('pp.id')
          .whereRef('pp.institution_id', '=', 'i.id')
          .where('pp.competition_id', '=', competitionId),
      ),
    ]);
}
