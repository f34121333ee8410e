import type { Db } from '../../db/connect.js';

/** How many of the longest lists the file carries (newest first); the file says so when it is cut. */
export const PERSONAL_DATA_LIMIT = 1000;

/** The person's role grants, with the names of their institution, unit and competition. */
export function grantsOf(db: Db, userId: number) {
  return db
    .selectFrom('role_grants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institution_id')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .leftJoin('competitions as c', 'c.id', 'g.competition_id')
    .select(['g.role', 'g.created_at', 'i.name as institution', 'u.name as unit', 'c.name as competition'])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
}

/** Proposals the person created or saved a version of: the proposal's own fields, never its answers. */
export function proposalsOf(db: Db, userId: number) {
  return db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select([
      'p.code',
      'p.title',
      'c.name as competition',
      'p.state',
      'p.created_by',
      'p.created_at',
      'p.updated_at',
      'p.sent_at',
    ])
    .where((eb) =>
      eb.or([
        eb('p.created_by', '=', userId),
        eb(
          'p.id',
          'in',
          eb.selectFrom('proposal_revisions').select('proposal_id').where('saved_by', '=', userId),
        ),
      ]),
    )
    .orderBy('p.id')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}

/** The person's sessions (the stored id is a hash of the cookie; it is not exported). */
export function sessionsOf(db: Db, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}

/** The failed sign-ins the throttle still keeps for the person's e-mail. */
export function loginFailuresOf(db: Db, email: string) {
  return db
    .selectFrom('login_failures')
    .select(['at', 'ip', 'kind'])
    .where('email', '=', email)
    .orderBy('at', 'desc')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}

export function notificationsOf(db: Db, userId: number) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'title_id', 'title_en', 'body_id', 'body_en', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}

/** The audit rows the person is the actor of. */
export function auditRowsOf(db: Db, userId: number) {
  return db
    .selectFrom('audit_events')
    .select(['action', 'entity_type', 'entity_id', 'summary', 'ip', 'created_at'])
    .where('actor_user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}

/** Mails addressed to the person: the envelope only, never a body (a body may hold a secret link). */
export function mailsTo(db: Db, email: string) {
  return db
    .selectFrom('outbox')
    .select(['template', 'subject', 'status', 'created_at', 'sent_at'])
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .limit(PERSONAL_DATA_LIMIT)
    .execute();
}
