import type { Db } from '../../db/connect.js';
import { conflict, notFound, t } from '../../domain/errors.js';

/** Who an admin lokal acts as, for audit rows and mails. */
export interface LocalAdminActor {
  userId: number;
  name: string;
}

/**
 * The proposer (UPP) account an admin lokal changes, read inside the transaction: the user and its UPP
 * grant in the institution (404 when there is none). An account that holds any other grant too (another
 * unit, another institution, another role) is not the admin lokal's alone to change: 409
 * `user_has_other_roles`, the system administrator does it.
 */
export async function uppAccountOf(tx: Db, institutionId: number, userId: number) {
  const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  const grants = await tx
    .selectFrom('role_grants as g')
    .leftJoin('units as un', 'un.id', 'g.unit_id')
    .select(['g.id', 'g.role', 'g.institution_id', 'g.unit_id', 'un.institution_id as unit_institution_id'])
    .where('g.user_id', '=', userId)
    .execute();
  const grant = grants.find(
    (g) => g.role === 'upp' && (g.institution_id ?? g.unit_institution_id) === institutionId,
  );
  if (!user || !grant) throw notFound(t('Pengguna tidak ditemukan.', 'User not found.'));
  if (grants.length > 1)
    throw conflict(
      'user_has_other_roles',
      t(
        'Akun ini juga memegang peran lain; hanya administrator sistem yang dapat mengubahnya.',
        'This account holds other roles too; only the system administrator can change it.',
      ),
    );
  return { user, grant };
}
