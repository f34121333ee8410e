import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import { lowerBound, upperBoundExclusive, type AuditFilter } from '../../contracts/audit.js';
import { containsPattern, ilike } from '../../db/like.js';
import { readableRows, type ReadableScope } from '../../platform/record-scope.js';

/** An audit event with its actor's name and e-mail (null for the system's own events). */
export interface AuditEventWithActor {
  id: number;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  ip: string | null;
  created_at: string;
  prev_hash: string | null;
  hash: string;
}

type Eb = ExpressionBuilder<Database & { a: Database['audit_events']; u: Database['users'] }, 'a' | 'u'>;

function auditWhere(f: AuditFilter, scope: ReadableScope) {
  return (eb: Eb) => {
    const conds = [readableRows(scope, 'a')(eb)];
    if (f.action) conds.push(eb('a.action', '=', f.action));
    if (f.entityType) conds.push(eb('a.entity_type', '=', f.entityType));
    if (f.entityId) conds.push(eb('a.entity_id', '=', f.entityId));
    if (f.actor) {
      if (/^\d+$/.test(f.actor)) conds.push(eb('a.actor_user_id', '=', Number(f.actor)));
      else {
        const p = containsPattern(f.actor);
        conds.push(eb.or([ilike('u.name', p), ilike('u.email', p)]));
      }
    }
    // Stored instants are ISO UTC text of one fixed shape, so text comparison orders them correctly.
    if (f.from) conds.push(eb('a.created_at', '>=', lowerBound(f.from)));
    if (f.to) conds.push(eb('a.created_at', '<', upperBoundExclusive(f.to)));
    if (f.q) {
      const p = containsPattern(f.q);
      conds.push(
        eb.or([
          ilike('a.action', p),
          ilike('a.entity_type', p),
          ilike('a.entity_id', p),
          ilike('a.summary', p),
          ilike('a.ip', p),
          ilike('u.name', p),
          ilike('u.email', p),
        ]),
      );
    }
    return eb.and(conds);
  };
}

const base = (db: Db) => db.selectFrom('audit_events as a').leftJoin('users as u', 'u.id', 'a.actor_user_id');

const withActor = (db: Db) =>
  base(db).select([
    'a.id',
    'a.actor_user_id',
    'u.name as actor_name',
    'u.email as actor_email',
    'a.action',
    'a.entity_type',
    'a.entity_id',
    'a.summary',
    'a.ip',
    'a.created_at',
    'a.prev_hash',
    'a.hash',
  ]);

/** One page of matching events, newest first (the chain's order), with the number of matches. */
export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  scope: ReadableScope,
  page: number,
  pageSize: number,
): Promise<{ rows: AuditEventWithActor[]; total: number }> {
  const where = auditWhere(filter, scope);
  const [rows, total] = await Promise.all([
    withActor(db)
      .where(where)
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base(db)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Matching events newest first, in batches (keyset on id), so an export of any size stays in bounded memory. */
export async function* auditEventBatches(
  db: Db,
  filter: AuditFilter,
  scope: ReadableScope,
  batchSize = 1000,
): AsyncGenerator<AuditEventWithActor[]> {
  let before: number | null = null;
  for (;;) {
    let qb = withActor(db).where(auditWhere(filter, scope));
    if (before !== null) qb = qb.where('a.id', '<', before);
    const rows = await qb.orderBy('a.id', 'desc').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    before = rows[rows.length - 1].id;
  }
}

/** The actions and entity types present in the log, for the filters' choices. */
export async function auditFacets(
  db: Db,
  scope: ReadableScope,
): Promise<{ actions: string[]; entityTypes: string[] }> {
  const readable = readableRows(scope, 'audit_events');
  const [actions, types] = await Promise.all([
    db.selectFrom('audit_events').select('action').where(readable).distinct().orderBy('action').execute(),
    db
      .selectFrom('audit_events')
      .select('entity_type')
      .where(readable)
      .distinct()
      .orderBy('entity_type')
      .execute(),
  ]);
  return { actions: actions.map((r) => r.action), entityTypes: types.map((r) => r.entity_type) };
}

/**
 * Of these proposals (ids as audit events name them), the ones whose title the reader may not see: any
 * proposal still inside its institution (not yet forwarded) unless the reader may open it there.
 */
export async function proposalsHiddenFrom(
  db: Db,
  ids: readonly string[],
  mayOpen: (p: {
    institutionId: number;
    unitId: number;
    organizerInstitutionId: number;
    state: string;
  }) => boolean,
): Promise<Set<string>> {
  const numeric = [...new Set(ids.filter((id) => /^\d+$/.test(id)).map(Number))];
  if (!numeric.length) return new Set();
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('competitions as c', 'c.id', 'p.competition_id')
    .select(['p.id', 'p.institution_id', 'p.unit_id', 'p.state', 'c.organizer_institution_id'])
    .where('p.id', 'in', numeric)
    .execute();
  const open = new Set(
    rows
      .filter((r) =>
        mayOpen({
          institutionId: r.institution_id,
          unitId: r.unit_id,
          organizerInstitutionId: r.organizer_institution_id,
          state: r.state,
        }),
      )
      .map((r) => String(r.id)),
  );
  return new Set(numeric.map(String).filter((id) => !open.has(id)));
}
