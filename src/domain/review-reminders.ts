/*
 * The reminders of a review stage (issue 12 point 4): before the stage closes, `reminderDays` of its
 * settings (default 3 and 1 days), each reviewer with unsubmitted work gets one mail. One job per stage and
 * day (its unique key), armed for one closing instant: a job armed for a closing that has since moved
 * sends nothing, and the stage's reminders are planned again for the new instant.
 */

export const REVIEW_REMINDER_KIND = 'review_reminder' as const;

export interface PlannedReviewReminder {
  kind: typeof REVIEW_REMINDER_KIND;
  uniqueKey: string;
  runAt: Date;
  payload: { stageId: number; closesAt: string; days: number };
}

/** The reminders still in the future at `now`, latest day first. */
export function reviewReminderPlan(
  stageId: number,
  closesAt: string,
  reminderDays: readonly number[],
  now: Date,
): PlannedReviewReminder[] {
  const closing = new Date(closesAt);
  return [...new Set(reminderDays)]
    .sort((a, b) => b - a)
    .map((days) => ({
      kind: REVIEW_REMINDER_KIND,
      // The closing instant is in the key: a moved closing gets its own reminders, each sent once.
      uniqueKey: `${REVIEW_REMINDER_KIND}:${stageId}:${closing.toISOString()}:${days}d`,
      runAt: new Date(closing.getTime() - days * 86_400_000),
      payload: { stageId, closesAt: closing.toISOString(), days },
    }))
    .filter((j) => j.runAt.getTime() > now.getTime());
}

/**
 * The later reminder (fewer days before the closing) already due at `now` that makes the `days` reminder
 * pointless, or null. A worker that was down over two reminder days runs both jobs at once: only the
 * latest is sent, so nobody gets two mails about the same work in one go.
 */
export function supersededBy(
  days: number,
  closesAt: string,
  reminderDays: readonly number[],
  now: Date,
): number | null {
  const closing = Date.parse(closesAt);
  const later = reminderDays
    .filter((d) => d < days && now.getTime() >= closing - d * 86_400_000)
    .sort((a, b) => a - b);
  return later[0] ?? null;
}
