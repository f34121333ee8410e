import type { Db } from '../../db/connect.js';
import { prepared } from '../../db/prepared.js';
import type { UserRow } from '../../db/schema.js';
import type { MeRole } from '../../contracts/auth.js';
import { badRequest, t } from '../../domain/errors.js';
import { checkPasswordToken, type TokenPurpose } from '../../platform/password-tokens.js';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's role grants with the names of their institution, unit and competition, oldest grant first. */
// Every page load asks who is signed in (GET /api/auth/me): prepared (db/prepared.ts).
const rolesOf = prepared((db, a: { userId: number }) =>
  db
    .selectFrom('role_grants as g')
    .leftJoin('institutions as i', 'i.id', 'g.institution_id')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .leftJoin('competitions as c', 'c.id', 'g.competition_id')
    .select([
      'g.role',
      'g.institution_id',
      'i.name as institution_name',
      'g.unit_id',
      'u.name as unit_name',
      'g.competition_id',
      'c.name as competition_name',
    ])
    .where('g.user_id', '=', a.userId)
    .orderBy('g.id'),
);

export async function rolesOfUser(db: Db, userId: number): Promise<MeRole[]> {
  const rows = await rolesOf.all(db, { userId });
  return rows.map((r) => ({
    role: r.role,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    competitionId: r.competition_id,
    competitionName: r.competition_name,
  }));
}

/** Failed logins for one e-mail and from one address since an instant (the throttling window). */
export async function recentLoginFailures(
  db: Db,
  input: { email: string; ip: string; since: string },
): Promise<{ byEmail: number; byIp: number; oldestByEmail: string | null; oldestByIp: string | null }> {
  const [byEmail, byIp] = await Promise.all([
    db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('email', '=', input.email)
      .where('at', '>', input.since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('ip', '=', input.ip)
      .where('at', '>', input.since)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    byEmail: Number(byEmail.n),
    byIp: Number(byIp.n),
    oldestByEmail: byEmail.oldest ?? null,
    oldestByIp: byIp.oldest ?? null,
  };
}

/** Reset links issued to one account since an instant. */
export async function recentResetTokens(db: Db, userId: number, since: string): Promise<number> {
  const row = await db
    .selectFrom('password_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', 'reset')
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A password link that may still be used, with its account. Refuses (400) an unknown, used or expired
 * link, and one whose account has been deactivated, without using it up.
 */
export async function usablePasswordToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ purpose: Exclude<TokenPurpose, 'sign_in'>; expiresAt: string; user: UserRow }> {
  const info = await checkPasswordToken(db, token, now);
  const user = await findUserById(db, info.userId);
  if (!user || !user.is_active) {
    const text = t('Tautan tidak valid.', 'The link is not valid.');
    throw badRequest('token_invalid', text, { token: { code: 'token_invalid', message: text } });
  }
  // checkPasswordToken accepts only the password purposes here.
  return { purpose: info.purpose as Exclude<TokenPurpose, 'sign_in'>, expiresAt: info.expiresAt, user };
}
