import { AppError, conflict, t, type Text } from './errors.js';
import { formatInstant } from './time.js';
import type { DismissReason, ObjectionStatus } from '../contracts/objections.js';

export {
  DISMISS_REASONS,
  GROUNDS_MAX,
  GROUNDS_MIN,
  OBJECTION_STATUSES,
  type DismissReason,
  type ObjectionStatus,
} from '../contracts/objections.js';

/*
 * The uji publik (issue 12 point 8), without I/O: the objection's number, the window of the
 * `public_objection` stage, the moves of an objection (triage, decision) and when the final list may be
 * fixed.
 *
 * Decisions kept here:
 * - The number is derived from the row's id and the competition's year (UJI-2026-0001), so no counter
 *   can collide when two people file at once; numbers of one competition need not be consecutive.
 * - The window is the stage's opens_at/closes_at; a stage without both is "not scheduled" (no filing).
 * - An objection is triaged once (new → dismissed | forwarded) and decided once (forwarded → upheld |
 *   rejected); both are final.
 */

export const DISMISS_REASON_LABELS: Record<DismissReason, Text> = {
  out_of_scope: t('Di luar lingkup uji publik', 'Out of the public review’s scope'),
  no_grounds: t('Tidak disertai alasan yang dapat diperiksa', 'No grounds that can be examined'),
  duplicate: t('Sama dengan keberatan lain', 'Duplicate of another objection'),
  other: t('Alasan lain', 'Another reason'),
};

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, Text> = {
  new: t('Baru', 'New'),
  forwarded: t('Diteruskan ke Tim Panel', 'Forwarded to the panel'),
  dismissed: t('Tidak dapat diterima', 'Dismissed as inadmissible'),
  upheld: t('Diterima: finalis dikeluarkan', 'Upheld: the finalist is removed'),
  rejected: t('Ditolak: finalis tetap', 'Rejected: the finalist stays'),
};

/** The optional evidence: a PDF or an image of at most 10 MB (types read from the content). */
export const OBJECTION_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const OBJECTION_EVIDENCE_MIMES = ['application/pdf', 'image/jpeg', 'image/png'];

/** "UJI-2026-0001": the number the filer receives. */
export function formatObjectionNumber(year: number, id: number): string {
  return `UJI-${year}-${String(id).padStart(4, '0')}`;
}

/** The year and id of a number as typed ("uji-2026-1", " UJI-2026-0001 "), or null. */
export function parseObjectionNumber(raw: string): { year: number; id: number } | null {
  const m = /^UJI-(\d{4})-(\d{1,9})$/i.exec(raw.trim());
  if (!m) return null;
  const id = Number(m[2]);
  return id > 0 ? { year: Number(m[1]), id } : null;
}

export type WindowState = 'unscheduled' | 'before' | 'open' | 'closed';

export interface ObjectionWindow {
  opensAt: string | null;
  closesAt: string | null;
}

/** Where `now` lies in the window: the opening instant is in it, the closing instant is not. */
export function windowState(w: ObjectionWindow, now: Date): WindowState {
  if (!w.opensAt || !w.closesAt) return 'unscheduled';
  const at = now.getTime();
  if (at < Date.parse(w.opensAt)) return 'before';
  return at < Date.parse(w.closesAt) ? 'open' : 'closed';
}

/**
 * Why filing is refused now (409 with both instants, with hour and zone, in `details`), or null while
 * the window is open.
 */
export function filingRefusal(w: ObjectionWindow, now: Date, timeZone: string): AppError | null {
  const state = windowState(w, now);
  if (state === 'open') return null;
  const when = (at: string | null) =>
    at ? { id: formatInstant(at, timeZone, 'id'), en: formatInstant(at, timeZone, 'en') } : null;
  const opens = when(w.opensAt);
  const closes = when(w.closesAt);
  const details = { opensAt: w.opensAt, closesAt: w.closesAt, window: state };
  const text =
    state === 'unscheduled'
      ? t(
          'Masa uji publik belum dijadwalkan; keberatan belum dapat diajukan.',
          'The public review has not been scheduled; objections cannot be filed yet.',
        )
      : state === 'before'
        ? t(
            `Masa uji publik dibuka ${opens!.id} dan ditutup ${closes!.id}.`,
            `The public review opens ${opens!.en} and closes ${closes!.en}.`,
          )
        : t(
            `Masa uji publik telah ditutup pada ${closes!.id}; keberatan tidak dapat diajukan lagi.`,
            `The public review closed ${closes!.en}; objections can no longer be filed.`,
          );
  return new AppError(
    409,
    state === 'closed' ? 'objection_window_closed' : 'objection_window_not_open',
    text,
    {},
    details,
  );
}

/** The objection was triaged or decided by someone else first (or is not at that step). */
const alreadyHandled = (status: ObjectionStatus) =>
  conflict(
    'objection_already_handled',
    t(
      `Keberatan ini sudah berstatus "${OBJECTION_STATUS_LABELS[status].id}"; muat ulang.`,
      `This objection is already "${OBJECTION_STATUS_LABELS[status].en}"; reload it.`,
    ),
  );

/** Triage (dismiss or forward) takes a new objection only. */
export function triageRefusal(status: ObjectionStatus): AppError | null {
  return status === 'new' ? null : alreadyHandled(status);
}

/** A decision takes an objection forwarded to the panel only. */
export function decisionRefusal(status: ObjectionStatus): AppError | null {
  return status === 'forwarded' ? null : alreadyHandled(status);
}

export type ObjectionCounts = Record<ObjectionStatus, number>;

export const emptyCounts = (): ObjectionCounts => ({
  new: 0,
  forwarded: 0,
  dismissed: 0,
  upheld: 0,
  rejected: 0,
});

export interface ClosingReadiness {
  /** The window closed and nothing waits: the final list may be fixed. */
  ready: boolean;
  windowState: WindowState;
  /** Objections still waiting: new (for the secretariat) and forwarded (for the panel). */
  pending: number;
  counts: ObjectionCounts;
  /** What still stands in the way, for the page to say. */
  blockers: Array<'window_not_closed' | 'objections_pending'>;
}

/**
 * Whether the uji publik is over: its window has closed and every objection was dismissed or decided.
 * The announcements engine fixes and publishes the final list only then.
 */
export function closingReadiness(w: ObjectionWindow, now: Date, counts: ObjectionCounts): ClosingReadiness {
  const state = windowState(w, now);
  const pending = counts.new + counts.forwarded;
  const blockers: ClosingReadiness['blockers'] = [];
  if (state !== 'closed') blockers.push('window_not_closed');
  if (pending > 0) blockers.push('objections_pending');
  return { ready: blockers.length === 0, windowState: state, pending, counts, blockers };
}

/**
 * The final list: the provisional finalists without those whose objection was upheld, in the
 * provisional order.
 */
export function finalistsAfterDecisions<T extends { proposalId: number }>(
  provisional: readonly T[],
  upheldProposalIds: Iterable<number>,
): T[] {
  const removed = new Set(upheldProposalIds);
  return provisional.filter((f) => !removed.has(f.proposalId));
}
