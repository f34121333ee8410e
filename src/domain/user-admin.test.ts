import { describe, expect, it } from 'vitest';
import { activeAdminsAfter, userChangeRefusal, type AdminGrant } from './user-admin.js';

// Users 1 and 2 hold system_admin (grants 10, 20); user 3's admin grant (30) belongs to a deactivated user.
const GRANTS: AdminGrant[] = [
  { grantId: 10, userId: 1, active: true },
  { grantId: 20, userId: 2, active: true },
  { grantId: 30, userId: 3, active: false },
];

describe('user administration guards', () => {
  it('never lets an administrator deactivate themselves', () => {
    expect(userChangeRefusal({ kind: 'deactivate', actorUserId: 1, targetUserId: 1 }, GRANTS)?.code).toBe(
      'cannot_deactivate_self',
    );
  });

  it('allows revoking or deactivating an administrator while another active one remains', () => {
    expect(userChangeRefusal({ kind: 'revoke', actorUserId: 1, targetUserId: 2, grantId: 20 }, GRANTS)).toBe(
      null,
    );
    expect(userChangeRefusal({ kind: 'revoke', actorUserId: 1, targetUserId: 1, grantId: 10 }, GRANTS)).toBe(
      null,
    );
    expect(userChangeRefusal({ kind: 'deactivate', actorUserId: 1, targetUserId: 2 }, GRANTS)).toBe(null);
    expect(activeAdminsAfter({ kind: 'deactivate', actorUserId: 1, targetUserId: 2 }, GRANTS)).toEqual([1]);
  });

  it('refuses to remove the last active administrator; a deactivated one does not count', () => {
    const alone = GRANTS.filter((g) => g.userId !== 2);
    const revoke = userChangeRefusal({ kind: 'revoke', actorUserId: 1, targetUserId: 1, grantId: 10 }, alone);
    expect(revoke?.code).toBe('last_system_admin');
    expect(revoke?.message.en).toContain('last active System Administrator role');
    // Deactivating the last active admin (by someone who no longer holds the role, e.g. in a race).
    expect(userChangeRefusal({ kind: 'deactivate', actorUserId: 9, targetUserId: 1 }, alone)?.code).toBe(
      'last_system_admin',
    );
  });

  it('does not guard grants and users that are not administrators', () => {
    const alone = GRANTS.filter((g) => g.userId !== 2);
    expect(userChangeRefusal({ kind: 'revoke', actorUserId: 1, targetUserId: 5, grantId: 99 }, alone)).toBe(
      null,
    );
    expect(userChangeRefusal({ kind: 'revoke', actorUserId: 1, targetUserId: 3, grantId: 30 }, alone)).toBe(
      null,
    );
    expect(userChangeRefusal({ kind: 'deactivate', actorUserId: 1, targetUserId: 5 }, alone)).toBe(null);
  });
});
