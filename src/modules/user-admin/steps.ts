import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { dialectOf } from '../../db/connect.js';
import type { Role } from '../../db/schema.js';
import { ROLE_LABELS } from '../../contracts/users.js';
import { conflict, invalidFields, notFound, t, type Text } from '../../domain/errors.js';
import {
  resolveScope,
  scopeProblems,
  type FoundScope,
  type GivenScope,
  type ResolvedScope,
} from '../../domain/role-scopes.js';
import { userChangeRefusal, type UserChange } from '../../domain/user-admin.js';
import { findScope, findUserById, systemAdminGrants } from './queries.js';

/** Who acts: the system administrator with the name mails and audit rows show. */
export interface AdminActor {
  userId: number;
  name: string;
}

export const userNotFound = () => notFound(t('Pengguna tidak ditemukan.', 'User not found.'));

/**
 * Serialises the changes of users and grants on PostgreSQL, so two administrators revoking each other
 * at once cannot both pass the last-administrator guard (SQLite has one writer).
 */
export async function lockUserAdmin(tx: Db): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(727002)`.execute(tx);
}

/** The user a change is about, read in the change's transaction, or a 404. */
export async function targetUser(tx: Db, id: number) {
  const user = await findUserById(tx, id);
  if (!user) throw userNotFound();
  return user;
}

/** Refuses (409 `user_erased`) a change to an account whose personal data was erased: it stays a tombstone. */
export function refuseErased(user: { erased_at: string | null }): void {
  if (user.erased_at !== null)
    throw conflict(
      'user_erased',
      t(
        'Data pribadi akun ini telah dihapus; akun ini tidak dapat diubah atau diaktifkan kembali.',
        'This account’s personal data was erased; it cannot be changed or reactivated.',
      ),
    );
}

/** A grant's scope as given, checked against the role (400 with the field) and resolved to the ids to store. */
export async function checkedScope(
  tx: Db,
  role: Role,
  given: GivenScope,
): Promise<{ scope: ResolvedScope; names: ScopeNames }> {
  const found = await findScope(tx, given);
  const problems = scopeProblems(role, given, found);
  if (Object.keys(problems).length) throw invalidFields(problems);
  const scope = resolveScope(role, given, found);
  return { scope, names: await scopeNames(tx, scope, found) };
}

export interface ScopeNames {
  institutionName: string | null;
  unitName: string | null;
  competitionName: string | null;
}

async function scopeNames(tx: Db, scope: ResolvedScope, found: FoundScope): Promise<ScopeNames> {
  let institutionName = found.institution?.name ?? null;
  if (scope.institutionId !== null && institutionName === null)
    institutionName =
      (
        await tx
          .selectFrom('institutions')
          .select('name')
          .where('id', '=', scope.institutionId)
          .executeTakeFirst()
      )?.name ?? null;
  return {
    institutionName,
    unitName: found.unit?.name ?? null,
    competitionName: found.competition?.name ?? null,
  };
}

/** Where a grant applies, in words for the person's mail ("Dinas X, Pemerintah Kota Y"). */
export function scopeText(role: Role, names: ScopeNames): Text {
  const parts = [names.unitName, names.institutionName, names.competitionName].filter(Boolean).join(', ');
  if (parts) return { id: parts, en: parts };
  if (role === 'evaluator' || role === 'panelist') return { id: 'semua kompetisi', en: 'every competition' };
  return { id: 'seluruh instalasi', en: 'the whole installation' };
}

/** The audit summary's description of a grant: role and scope, ids with names. */
export const auditScope = (role: Role, scope: ResolvedScope, names: ScopeNames) => ({
  role,
  scope: {
    institutionId: scope.institutionId,
    institutionName: names.institutionName,
    unitId: scope.unitId,
    unitName: names.unitName,
    competitionId: scope.competitionId,
    competitionName: names.competitionName,
  },
});

export const roleLabel = (role: Role, locale: 'id' | 'en') => ROLE_LABELS[role][locale];

/** Refuses (409 with the reason) a change that would lock out the actor or the whole installation. */
export async function guardChange(tx: Db, change: UserChange): Promise<void> {
  const refusal = userChangeRefusal(change, await systemAdminGrants(tx));
  if (refusal) throw conflict(refusal.code, refusal.message);
}
