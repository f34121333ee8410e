import crypto from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { UserRow } from '../db/schema.js';
import type { Actor, Grant } from '../domain/policy.js';

export const SESSION_COOKIE = 'sinovik_sid';
/** Idle lifetime of a session; each use (at most every 5 minutes) pushes it forward. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Creates a session row and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  input: { userId: number; now: Date; ip: string | null; userAgent: string | null },
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
      expires_at: new Date(input.now.getTime() + SESSION_IDLE_MS).toISOString(),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

export async function loadGrants(db: Db, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'institution_id', 'unit_id', 'competition_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    role: r.role,
    institutionId: r.institution_id,
    unitId: r.unit_id,
    competitionId: r.competition_id,
  }));
}

/** Resolves a cookie token to its user and actor; expired sessions and inactive users resolve to null. */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: UserRow; actor: Actor; sessionId: string } | null> {
  const id = sha256(token);
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  if (session.expires_at <= now.toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || !user.is_active) return null;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }
  return { user, actor: { userId: user.id, grants: await loadGrants(db, user.id) }, sessionId: id };
}
