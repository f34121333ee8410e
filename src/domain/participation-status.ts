import type { ProposalState } from './proposal-workflow.js';
import { QUOTA_STATES } from './proposal-workflow.js';

/*
 * Who has taken part in a competition so far (seed 003: "Kabupaten Tangerang wajib mengajukan minimal 1
 * inovasi"), per participant institution for the organizer and per unit for the admin lokal, and when a
 * reminder may go out. Pure rules; the queries count, these decide.
 */

/** forwarded: at least one proposal reached the organizer; in_progress: started, none forwarded; nothing. */
export const PARTICIPATION_STATUSES = ['forwarded', 'in_progress', 'nothing'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** Whether a proposal in this state counts as forwarded (it took a quota slot) or as still in progress. */
export function proposalBucket(state: ProposalState): 'forwarded' | 'in_progress' {
  return QUOTA_STATES.includes(state) ? 'forwarded' : 'in_progress';
}

/** The participation of an institution or unit from its proposals counted by bucket. */
export function participationStatus(counts: { forwarded: number; inProgress: number }): ParticipationStatus {
  if (counts.forwarded > 0) return 'forwarded';
  if (counts.inProgress > 0) return 'in_progress';
  return 'nothing';
}

/** Who reminds whom: the organizer the admin lokal of an institution, the admin lokal the UPPs of a unit. */
export type ReminderLevel = 'institution' | 'unit';

/**
 * Which participations a reminder may be sent for: the organizer reminds institutions that have forwarded
 * nothing (none started, or some in progress); the admin lokal reminds the UPPs of units with no proposal
 * at all (a unit with work in progress is already the admin lokal's to follow up in its own list).
 */
export function remindable(level: ReminderLevel, status: ParticipationStatus): boolean {
  if (level === 'institution') return status !== 'forwarded';
  return status === 'nothing';
}

/** A recipient is reminded at most once in this interval per competition and level (24 hours). */
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** When the next reminder to a recipient reminded last at `lastAt` may go out; null: now. */
export function nextReminderAt(lastAt: string | null, now: Date): Date | null {
  if (!lastAt) return null;
  const next = new Date(Date.parse(lastAt) + REMINDER_INTERVAL_MS);
  return next.getTime() > now.getTime() ? next : null;
}

/**
 * Splits the recipients of a reminder into those who get it now and those reminded within the interval
 * (skipped, with when they may be reminded again). Each person once, whatever the number of rows naming them.
 */
export function planReminder<R extends { userId: number; lastRemindedAt: string | null }>(
  recipients: readonly R[],
  now: Date,
): { send: R[]; skipped: (R & { nextAt: Date })[] } {
  const seen = new Set<number>();
  const send: R[] = [];
  const skipped: (R & { nextAt: Date })[] = [];
  for (const r of recipients) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    const nextAt = nextReminderAt(r.lastRemindedAt, now);
    if (nextAt) skipped.push(Object.assign({}, r, { nextAt }));
    else send.push(r);
  }
  return { send, skipped };
}

/** Reminders are for an open submission: published, opened, not closed and not past its closing instant. */
export function submissionOpenForReminders(input: {
  status: 'draft' | 'published' | 'archived';
  opensAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  now: Date;
}): boolean {
  if (input.status !== 'published' || !input.closesAt || input.closedAt) return false;
  const t = input.now.getTime();
  if (input.opensAt && Date.parse(input.opensAt) > t) return false;
  return Date.parse(input.closesAt) > t;
}
