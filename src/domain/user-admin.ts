/**
 * The guards of the system administrator's user management: what must stay true whatever is revoked
 * or deactivated. Pure: the caller reads the installation's system_admin grants in its transaction.
 */
import type { Text } from './errors.js';

/** One system_admin grant as stored, with whether its user is active. */
export interface AdminGrant {
  grantId: number;
  userId: number;
  active: boolean;
}

export type UserChange =
  | { kind: 'revoke'; actorUserId: number; targetUserId: number; grantId: number }
  | { kind: 'deactivate'; actorUserId: number; targetUserId: number }
  | { kind: 'erase'; actorUserId: number; targetUserId: number };

export interface Refusal {
  code: 'cannot_deactivate_self' | 'cannot_erase_self' | 'last_system_admin';
  message: Text;
}

/** The active users that still hold system_admin after the change. */
export function activeAdminsAfter(change: UserChange, grants: AdminGrant[]): number[] {
  const left = grants.filter(
    (g) =>
      g.active &&
      !(change.kind === 'revoke' && g.grantId === change.grantId) &&
      !(change.kind !== 'revoke' && g.userId === change.targetUserId),
  );
  return [...new Set(left.map((g) => g.userId))].sort((a, b) => a - b);
}

/**
 * Why a change is refused, or null: an administrator never deactivates themselves (they would lock
 * themselves out mid-task), and the installation always keeps at least one active system administrator.
 */
export function userChangeRefusal(change: UserChange, adminGrants: AdminGrant[]): Refusal | null {
  if (change.kind === 'erase' && change.actorUserId === change.targetUserId)
    return {
      code: 'cannot_erase_self',
      message: {
        id: 'Anda tidak dapat menghapus data pribadi akun Anda sendiri. Minta administrator sistem lain melakukannya.',
        en: 'You cannot erase the personal data of your own account. Ask another system administrator to do it.',
      },
    };
  if (change.kind === 'deactivate' && change.actorUserId === change.targetUserId)
    return {
      code: 'cannot_deactivate_self',
      message: {
        id: 'Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator sistem lain melakukannya.',
        en: 'You cannot deactivate your own account. Ask another system administrator to do it.',
      },
    };
  const touchesAdmin =
    change.kind === 'revoke'
      ? adminGrants.some((g) => g.grantId === change.grantId)
      : adminGrants.some((g) => g.userId === change.targetUserId && g.active);
  if (touchesAdmin && activeAdminsAfter(change, adminGrants).length === 0)
    return {
      code: 'last_system_admin',
      message:
        change.kind === 'revoke'
          ? {
              id: 'Ini peran Administrator Sistem aktif yang terakhir; instalasi harus selalu memiliki satu. Beri peran ini kepada orang lain terlebih dahulu.',
              en: 'This is the last active System Administrator role; the installation must always have one. Grant the role to someone else first.',
            }
          : {
              id: 'Pengguna ini Administrator Sistem aktif yang terakhir; instalasi harus selalu memiliki satu. Beri peran ini kepada orang lain terlebih dahulu.',
              en: 'This user is the last active System Administrator; the installation must always have one. Grant the role to someone else first.',
            },
    };
  return null;
}
