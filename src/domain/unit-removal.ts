import { t, type Text } from './errors.js';

/** What still hangs on a unit: its proposals (any state), its people (active or not) and its sub-units. */
export interface UnitHoldings {
  proposals: number;
  users: number;
  subunits: number;
}

/**
 * Why a unit cannot be removed and what to do instead, or null when nothing hangs on it. Proposals are the
 * unit's record in the competitions (never removed with it: the unit stays, renamed if need be); people are
 * moved to another unit first; sub-units moved under another parent or removed first.
 */
export function unitRemovalRefusal(h: UnitHoldings): Text | null {
  const id: string[] = [];
  const en: string[] = [];
  if (h.proposals > 0) {
    id.push(
      `memiliki ${h.proposals} usulan (usulan tetap tercatat atas nama unit; ubah nama unit bila perlu)`,
    );
    en.push(`it has ${h.proposals} proposal(s) (they stay recorded under the unit; rename it if need be)`);
  }
  if (h.users > 0) {
    id.push(`memiliki ${h.users} akun pengusul (pindahkan dulu ke unit lain)`);
    en.push(`it has ${h.users} proposer account(s) (move them to another unit first)`);
  }
  if (h.subunits > 0) {
    id.push(`menjadi induk ${h.subunits} unit lain (pindahkan atau hapus dulu unit tersebut)`);
    en.push(`it is the parent of ${h.subunits} other unit(s) (move or remove those first)`);
  }
  if (id.length === 0) return null;
  return t(
    `Unit ini tidak dapat dihapus: ${id.join('; ')}.`,
    `This unit cannot be removed: ${en.join('; ')}.`,
  );
}
