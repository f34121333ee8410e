import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * THE rule of who takes part in a competition, in one place (issue 11 point 7). Until a competition says
 * who may take part (issue 11 point 8, branch i11-entry), a participant is every institution with an active
 * admin lokal, plus any institution that already has a proposal in the competition (so nothing it sent
 * drops out of the counts when its admin lokal leaves). When "who may take part" lands, this is the one
 * function to change. `i` is the institutions alias of the calling query.
 */
export function isParticipant(competitionId: number) {
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
