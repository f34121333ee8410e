/*
 * Why an assignment cannot be made, in words the secretariat can act on (Bahasa Indonesia, then English).
 * Two kinds of cause:
 *  - a proposal alone: fewer eligible reviewers (conflict-free, not excluded) than it needs, or fewer of
 *    them with room under their capacity;
 *  - a group: each could be served alone, but together they need more places than their eligible reviewers
 *    have left. The group is the source side of the minimum cut of the maximum flow (solve.ts): those
 *    proposals cannot all be served, while every other proposal can (the maximum flow serves them all).
 */
import { t, type Text } from '../errors.js';
import type { ProposalClass } from './classes.js';
import type { UnservedProposal, UnservedReason } from './model.js';

const reviewersEn = (n: number) => `${n} reviewer${n === 1 ? '' : 's'}`;

export function reasonText(reason: UnservedReason): Text {
  switch (reason.kind) {
    case 'too_few_reviewers':
      return t(
        `Hanya ${reason.eligible} penilai yang boleh menilai usulan ini (tanpa konflik kepentingan); usulan ini memerlukan ${reason.need}.`,
        `Only ${reviewersEn(reason.eligible)} may judge this proposal (free of conflicts of interest); it needs ${reason.need}.`,
      );
    case 'reviewers_full':
      return t(
        `${reason.eligible} penilai boleh menilai usulan ini, tetapi hanya ${reason.withRoom} yang masih memiliki sisa kapasitas; usulan ini memerlukan ${reason.need}.`,
        `${reviewersEn(reason.eligible)} may judge this proposal, but only ${reason.withRoom} of them ${reason.withRoom === 1 ? 'has' : 'have'} room left under their capacity; it needs ${reason.need}.`,
      );
    case 'shortage':
      return t(
        `Usulan ini bersama ${reason.groupSize - 1} usulan lain memerlukan ${reason.groupNeed} penilaian lagi, tetapi penilai yang boleh menilai mereka hanya dapat menerima ${reason.placesLeft} lagi. Naikkan kapasitas atau tambahkan penilai.`,
        `This proposal and ${reason.groupSize - 1} other${reason.groupSize === 2 ? '' : 's'} need ${reason.groupNeed} more reviews, but the reviewers allowed to judge them can take only ${reason.placesLeft} more. Raise a capacity or add a reviewer.`,
      );
  }
}

/** The reason a class cannot be served on its own, or null when it alone could be. */
export function individualReason(cls: ProposalClass, room: ArrayLike<number>): UnservedReason | null {
  const eligible = cls.eligible.length;
  if (eligible < cls.need) return { kind: 'too_few_reviewers', eligible, need: cls.need };
  const withRoom = cls.eligible.filter((j) => room[j] > 0).length;
  if (withRoom < cls.need) return { kind: 'reviewers_full', eligible, withRoom, need: cls.need };
  return null;
}

export function unserved(cls: ProposalClass, reason: UnservedReason): UnservedProposal[] {
  const message = reasonText(reason);
  return cls.proposals.map((p) => ({ proposalId: p.id, reason, message }));
}

export function summaryText(count: number): Text {
  return t(
    `${count} usulan tidak dapat diberi penilai sesuai aturan; tidak ada penugasan yang dibuat.`,
    `${count} proposal${count === 1 ? '' : 's'} cannot be given reviewers under the rules; nothing was assigned.`,
  );
}
