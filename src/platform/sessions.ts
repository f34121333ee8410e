import crypto from 'node:crypto';
import type { Db } from '../db/connect.js';
import { prepared } from '../db/prepared.js';
import type { UserRow } from '../db/schema.js';
import type { Actor, Grant } from '../domain/policy.js';

export const SESSION_COOKIE = 'sinovik_sid';
/**
 * The session cookie's name: `__Host-sinovik_sid` when the installation is served over https (BASE_URL,
 * also behind a trusted proxy): the browser then insists on Secure, Path=/ and no Domain. Plain
 * `sinovik_sid` on http development, where a `__Host-` cookie would be refused.
 */
export const sessionCookieName = (secure: boolean) => (secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE);
/** Idle lifetime of a session; each use (at most every 5 minutes) pushes it forward. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Absolute lifetime of a session when the configuration says nothing (SESSION_MAX_AGE_HOURS). */
export const DEFAULT_SESSION_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The expiry a use at `now` gives: the idle expiry, never past the absolute end of the session. */
const expiryAt = (now: number, createdAt: number, maxAgeMs: number) =>
  new Date(Math.min(now + SESSION_IDLE_MS, createdAt + maxAgeMs)).toISOString();
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The stored id of a session token (its sha256), remembered for the tokens in use. */
const sessionIds = new Map<string, string>();
function sessionIdOf(token: string): string {
  let id = sessionIds.get(token);
  if (id === undefined) {
    id = sha256(token);
    if (sessionIds.size >= 10_000) sessionIds.clear();
    sessionIds.set(token, id);
  }
  return id;
}

/** Creates a session row and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  input: {
    userId: number;
    now: Date;
    ip: string | null;
    userAgent: string | null;
    /** Absolute lifetime (config.sessionMaxAgeMs). */
    maxAgeMs?: number;
  },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = input.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: input.userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiryAt(
        input.now.getTime(),
        input.now.getTime(),
        input.maxAgeMs ?? DEFAULT_SESSION_MAX_AGE_MS,
      ),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

const grantsOf = prepared((db, a: { userId: number }) =>
  db
    .selectFrom('role_grants')
    .select(['role', 'institution_id', 'unit_id', 'competition_id'])
    .where('user_id', '=', a.userId),
);

export async function loadGrants(db: Db, userId: number): Promise<Grant[]> {
  const rows = await grantsOf.all(db, { userId });
  return rows.map((r) => ({
    role: r.role,
    institutionId: r.institution_id,
    unitId: r.unit_id,
    competitionId: r.competition_id,
  }));
}

// Every request with a cookie runs these, so they are prepared (db/prepared.ts). The session, its user
// and the user's grants in one statement: a row per grant (one row with null grant columns for none).
const sessionWithUser = prepared((db, a: { id: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('role_grants as g', 'g.user_id', 'u.id')
    .selectAll('u')
    .select([
      's.expires_at as session_expires_at',
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      'g.id as grant_id',
      'g.role as grant_role',
      'g.institution_id as grant_institution_id',
      'g.unit_id as grant_unit_id',
      'g.competition_id as grant_competition_id',
    ])
    .where('s.id', '=', a.id)
    .orderBy('g.id'),
);
const deleteSession = prepared((db, a: { id: string }) => db.deleteFrom('sessions').where('id', '=', a.id));
const touchSession = prepared((db, a: { id: string; lastSeenAt: string; expiresAt: string }) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: a.lastSeenAt, expires_at: a.expiresAt })
    .where('id', '=', a.id),
);

/** The user's own columns of a session row, named one by one (a rest pattern costs V8 microseconds a row). */
const userOf = (r: UserRow): UserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  position: r.position,
  phone: r.phone,
  password_hash: r.password_hash,
  locale: r.locale,
  must_complete_profile: r.must_complete_profile,
  is_active: r.is_active,
  created_at: r.created_at,
  updated_at: r.updated_at,
  last_login_at: r.last_login_at,
  erased_at: r.erased_at,
});

export interface ResolvedSession {
  user: UserRow;
  actor: Actor;
  sessionId: string;
}

/**
 * Resolves a cookie token to its user and actor; sessions past their idle expiry or their absolute
 * lifetime (`maxAgeMs` from creation, however often used) and inactive users resolve to null.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  maxAgeMs: number = DEFAULT_SESSION_MAX_AGE_MS,
): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const rows = await sessionWithUser.all(db, { id });
  if (!rows.length) return null;
  const first = rows[0];
  const expiresAt = first.session_expires_at;
  const lastSeenAt = first.session_last_seen_at;
  const createdAt = first.session_created_at;
  const user = userOf(first);
  const endsAt = Date.parse(createdAt) + maxAgeMs;
  if (expiresAt <= now.toISOString() || endsAt <= now.getTime()) {
    await deleteSession.run(db, { id });
    return null;
  }
  if (!user.is_active) return null;
  if (now.getTime() - new Date(lastSeenAt).getTime() > TOUCH_EVERY_MS)
    await touchSession.run(db, {
      id,
      lastSeenAt: now.toISOString(),
      expiresAt: expiryAt(now.getTime(), Date.parse(createdAt), maxAgeMs),
    });
  const grants: Grant[] = [];
  for (const r of rows)
    if (r.grant_role !== null)
      grants.push({
        role: r.grant_role,
        institutionId: r.grant_institution_id,
        unitId: r.grant_unit_id,
        competitionId: r.grant_competition_id,
      });
  return { user, actor: { userId: user.id, grants }, sessionId: id };
}
