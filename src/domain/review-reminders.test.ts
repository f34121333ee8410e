import { describe, expect, it } from 'vitest';
import { reviewReminderPlan, supersededBy } from './review-reminders.js';

const CLOSES = '2026-05-31T16:59:00.000Z';

describe('reviewReminderPlan', () => {
  it('plans one reminder per day before the closing, keyed by stage, closing and day', () => {
    const plan = reviewReminderPlan(7, CLOSES, [1, 3], new Date('2026-05-20T00:00:00.000Z'));
    expect(plan.map((j) => [j.uniqueKey, j.runAt.toISOString(), j.payload.days])).toEqual([
      ['review_reminder:7:2026-05-31T16:59:00.000Z:3d', '2026-05-28T16:59:00.000Z', 3],
      ['review_reminder:7:2026-05-31T16:59:00.000Z:1d', '2026-05-30T16:59:00.000Z', 1],
    ]);
  });

  it('leaves out the reminders already past, and days given twice', () => {
    const plan = reviewReminderPlan(7, CLOSES, [3, 1, 1], new Date('2026-05-29T00:00:00.000Z'));
    expect(plan.map((j) => j.payload.days)).toEqual([1]);
  });

  it('gives a moved closing reminders of its own', () => {
    const now = new Date('2026-05-01T00:00:00.000Z');
    const a = reviewReminderPlan(7, CLOSES, [1], now)[0].uniqueKey;
    const b = reviewReminderPlan(7, '2026-06-07T16:59:00.000Z', [1], now)[0].uniqueKey;
    expect(a).not.toBe(b);
  });
});

describe('supersededBy: a reminder made pointless by a later one already due', () => {
  const closes = '2026-05-31T16:59:00.000Z';
  it.each<[string, number, string, number | null]>([
    ['the 3-day reminder on its own day', 3, '2026-05-28T17:00:00.000Z', null],
    ['the 3-day reminder run late, once the 1-day one is due', 3, '2026-05-30T17:00:00.000Z', 1],
    ['the 1-day reminder: nothing later', 1, '2026-05-31T06:00:00.000Z', null],
    ['the 7-day reminder when both 3 and 1 are due: the latest', 7, '2026-05-31T06:00:00.000Z', 1],
  ])('%s', (_name, days, now, expected) => {
    expect(supersededBy(days, closes, [7, 3, 1], new Date(now))).toBe(expected);
  });
});
