import { describe, expect, it } from 'vitest';
import { unitRemovalRefusal } from './unit-removal.js';

describe('unitRemovalRefusal', () => {
  it('allows removing a unit nothing hangs on', () => {
    expect(unitRemovalRefusal({ proposals: 0, users: 0, subunits: 0 })).toBeNull();
  });
  it.each([
    [
      { proposals: 2, users: 0, subunits: 0 },
      'Unit ini tidak dapat dihapus: memiliki 2 usulan (usulan tetap tercatat atas nama unit; ubah nama unit bila perlu).',
    ],
    [
      { proposals: 0, users: 1, subunits: 0 },
      'Unit ini tidak dapat dihapus: memiliki 1 akun pengusul (pindahkan dulu ke unit lain).',
    ],
    [
      { proposals: 0, users: 0, subunits: 3 },
      'Unit ini tidak dapat dihapus: menjadi induk 3 unit lain (pindahkan atau hapus dulu unit tersebut).',
    ],
    [
      { proposals: 1, users: 2, subunits: 0 },
      'Unit ini tidak dapat dihapus: memiliki 1 usulan (usulan tetap tercatat atas nama unit; ubah nama unit bila perlu); memiliki 2 akun pengusul (pindahkan dulu ke unit lain).',
    ],
  ])('refuses %j with every reason and what to do instead', (holdings, id) => {
    const text = unitRemovalRefusal(holdings)!;
    expect(text.id).toBe(id);
    expect(text.en).toMatch(/^This unit cannot be removed: /);
  });
});
