import { describe, expect, it } from 'vitest';
import {
  confirmsEmail,
  RETENTION_DEFAULTS,
  retentionCutoff,
  tombstoneEmail,
  tombstoneName,
} from './erasure.js';
import { userChangeRefusal, type AdminGrant } from './user-admin.js';

const GRANTS: AdminGrant[] = [
  { grantId: 10, userId: 1, active: true },
  { grantId: 20, userId: 2, active: true },
];

describe('erasure rules', () => {
  it('never lets an administrator erase themselves', () => {
    const r = userChangeRefusal({ kind: 'erase', actorUserId: 1, targetUserId: 1 }, GRANTS);
    expect(r?.code).toBe('cannot_erase_self');
    expect(r?.message.id).toContain('menghapus data pribadi akun Anda sendiri');
  });

  it('refuses to erase the last active system administrator, allows another one', () => {
    expect(userChangeRefusal({ kind: 'erase', actorUserId: 1, targetUserId: 2 }, GRANTS)).toBe(null);
    const alone = GRANTS.filter((g) => g.userId === 2);
    // An actor who no longer holds the role (a race with a revocation) erasing the last one.
    expect(userChangeRefusal({ kind: 'erase', actorUserId: 9, targetUserId: 2 }, alone)?.code).toBe(
      'last_system_admin',
    );
    expect(userChangeRefusal({ kind: 'erase', actorUserId: 1, targetUserId: 5 }, alone)).toBe(null);
  });

  it('names the tombstone by id with an unroutable unique address', () => {
    expect(tombstoneName(42)).toBe('Pengguna terhapus #42');
    expect(tombstoneEmail(42)).toBe('erased-42@invalid');
  });

  it('confirms with the address whatever its case and surrounding spaces, nothing else', () => {
    expect(confirmsEmail('  Ratna@Uji.go.id ', 'ratna@uji.go.id')).toBe(true);
    expect(confirmsEmail('ratna@uji.go.i', 'ratna@uji.go.id')).toBe(false);
  });

  it('has the documented defaults and counts whole days back', () => {
    expect(RETENTION_DEFAULTS).toEqual({
      loginFailureDays: 90,
      sessionDays: 30,
      mailBodyDays: 180,
      notificationDays: 365,
      tokenDays: 30,
    });
    expect(retentionCutoff(new Date('2026-04-01T03:00:00.000Z'), 30)).toBe('2026-03-02T03:00:00.000Z');
  });
});
