import { t, type Text } from '../errors.js';
import { listEn, listId, mean, numEn, numId, round2 } from './numbers.js';

/*
 * The presentation's score (issue 13 point 2; seed 000 step 6: "nilai rata rata yang diberikan oleh Tim
 * Panel Independen"): every member of the panel sits on every finalist. A panelist in conflict with the
 * finalist abstains (no assignment, or one withdrawn when the conflict came later) and never counts; the
 * score is the mean of the totals the others SUBMITTED. While the stage is open, a finalist waits for every
 * panelist who does not abstain; once it closes, those who did not submit are left out (a draft never
 * counts) and named. Pure: the stage-results module gives it the seats read from rows.
 */

export type PanelSeatStatus = 'not_started' | 'draft' | 'submitted' | 'abstained';

export interface PanelSeat {
  reviewerId: number;
  name: string;
  status: PanelSeatStatus;
  /** The submitted total (read only when `submitted`). */
  total: number | null;
  /** Why the panelist abstains (conflict reasons), when `abstained`. */
  abstainReasons: Text[];
}

export interface PanelTally {
  status: 'waiting' | 'scored';
  score: number | null;
  /** The submitted totals, in seat order, and whose they are (counted once `scored`). */
  counted: number[];
  scoredBy: number[];
  abstainers: { reviewerId: number; name: string; reasons: Text[] }[];
  /** Panelists not abstaining who have not submitted while the stage is open. */
  pending: number[];
  /** Panelists not abstaining who had not submitted at the closing (left out). */
  unsubmitted: { reviewerId: number; name: string }[];
  explanation: Text;
}

const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join(', ');

export function panelTally(seats: readonly PanelSeat[], opts: { closed: boolean }): PanelTally {
  const abstainers = seats
    .filter((s) => s.status === 'abstained')
    .map((s) => ({ reviewerId: s.reviewerId, name: s.name, reasons: s.abstainReasons }));
  const sitting = seats.filter((s) => s.status !== 'abstained');
  const scored = sitting.filter((s) => s.status === 'submitted' && s.total !== null);
  const open = sitting.filter((s) => !(s.status === 'submitted' && s.total !== null));
  const counted = scored.map((s) => s.total!);
  const waiting = counted.length === 0 || (!opts.closed && open.length > 0);
  const abstainId = abstainers.length
    ? ` Abstain: ${abstainers.map((a) => `${a.name} (${a.reasons.map((r) => r.id).join('; ')})`).join(', ')}.`
    : '';
  const abstainEn = abstainers.length
    ? ` Abstained: ${abstainers.map((a) => `${a.name} (${a.reasons.map((r) => r.en).join('; ')})`).join(', ')}.`
    : '';
  if (waiting)
    return {
      status: 'waiting',
      score: null,
      counted,
      scoredBy: scored.map((s) => s.reviewerId),
      abstainers,
      pending: opts.closed ? [] : open.map((s) => s.reviewerId),
      unsubmitted: opts.closed ? open.map((s) => ({ reviewerId: s.reviewerId, name: s.name })) : [],
      explanation: t(
        `Menunggu penilaian: ${counted.length} dari ${sitting.length} panelis sudah mengirim nilai.${abstainId}`,
        `Waiting for scores: ${counted.length} of ${sitting.length} panelists have submitted.${abstainEn}`,
      ),
    };
  const score = round2(mean(counted));
  const unsubmitted = open.map((s) => ({ reviewerId: s.reviewerId, name: s.name }));
  const lateId = unsubmitted.length ? ` Tidak mengirim sampai penutupan: ${names(unsubmitted)}.` : '';
  const lateEn = unsubmitted.length ? ` Not submitted by the closing: ${names(unsubmitted)}.` : '';
  return {
    status: 'scored',
    score,
    counted,
    scoredBy: scored.map((s) => s.reviewerId),
    abstainers,
    pending: [],
    unsubmitted,
    explanation: t(
      `Rata-rata dari ${counted.length} panelis yang menilai (${listId(counted)}) = ${numId(score)}.${abstainId}${lateId}`,
      `Mean of the ${counted.length} panelists who scored (${listEn(counted)}) = ${numEn(score)}.${abstainEn}${lateEn}`,
    ),
  };
}
