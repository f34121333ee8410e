import type { UserRow } from '../../db/schema.js';
import type { AdminGrant, AdminUserDetail, AdminUserSummary } from '../../contracts/user-admin.js';
import { can, type Actor } from '../../domain/policy.js';
import { userChangeRefusal, type AdminGrant as GuardGrant } from '../../domain/user-admin.js';
import type { GrantRow } from './queries.js';

const named = (id: number | null, name: string | null) =>
  id === null ? null : { id, name: name ?? `#${id}` };

function presentGrantScope(g: GrantRow) {
  return {
    id: g.id,
    role: g.role,
    institution: named(g.institution_id, g.institution_name),
    unit: named(g.unit_id, g.unit_name),
    competition: named(g.competition_id, g.competition_name),
  };
}

const presentUserBase = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  active: u.is_active === 1,
  invitationPending: u.password_hash === null,
  lastLoginAt: u.last_login_at,
  createdAt: u.created_at,
  erasedAt: u.erased_at,
});

export function presentUserSummary(u: UserRow, grants: GrantRow[]): AdminUserSummary {
  return { ...presentUserBase(u), grants: grants.filter((g) => g.user_id === u.id).map(presentGrantScope) };
}

/**
 * One user with the grants and what the administrator may do with each, computed with the same policy
 * and guards the commands apply, so the screen offers only what the API allows.
 */
export function presentUserDetail(
  u: UserRow,
  grants: GrantRow[],
  adminGrants: GuardGrant[],
  actor: Actor | null,
): AdminUserDetail {
  const manage = can(actor, 'user.manageAll', {});
  const actorUserId = actor?.userId ?? 0;
  return {
    user: {
      ...presentUserBase(u),
      position: u.position,
      phone: u.phone,
      locale: u.locale,
      mustCompleteProfile: u.must_complete_profile === 1,
    },
    grants: grants.map((g): AdminGrant => ({
      ...presentGrantScope(g),
      grantedAt: g.created_at,
      grantedBy: named(g.granted_by, g.granted_by_name),
      abilities: {
        revoke:
          manage &&
          !userChangeRefusal({ kind: 'revoke', actorUserId, targetUserId: u.id, grantId: g.id }, adminGrants),
      },
    })),
    abilities: {
      grant: manage && u.erased_at === null,
      deactivate:
        manage &&
        u.is_active === 1 &&
        !userChangeRefusal({ kind: 'deactivate', actorUserId, targetUserId: u.id }, adminGrants),
      reactivate: manage && u.is_active === 0 && u.erased_at === null,
      resendInvitation: manage && u.is_active === 1 && u.password_hash === null,
      erase:
        can(actor, 'user.erase', {}) &&
        u.erased_at === null &&
        !userChangeRefusal({ kind: 'erase', actorUserId, targetUserId: u.id }, adminGrants),
    },
  };
}
