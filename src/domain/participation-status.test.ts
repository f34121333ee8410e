import { describe, expect, it } from 'vitest';
import {
  nextReminderAt,
  participationStatus,
  planReminder,
  proposalBucket,
  remindable,
  submissionOpenForReminders,
  type ParticipationStatus,
  type ReminderLevel,
} from './participation-status.js';
import type { ProposalState } from './proposal-workflow.js';

describe('participation rules', () => {
  const BUCKETS: [ProposalState, 'forwarded' | 'in_progress'][] = [
    ['draft', 'in_progress'],
    ['sent_to_local_admin', 'in_progress'],
    ['returned', 'in_progress'],
    ['withdrawn', 'in_progress'],
    ['frozen', 'in_progress'],
    ['forwarded', 'forwarded'],
    ['received', 'forwarded'],
  ];
  for (const [state, bucket] of BUCKETS)
    it(`a proposal ${state} counts as ${bucket}`, () => expect(proposalBucket(state)).toBe(bucket));

  const STATUSES: [number, number, ParticipationStatus][] = [
    [0, 0, 'nothing'],
    [0, 3, 'in_progress'],
    [1, 0, 'forwarded'],
    [2, 5, 'forwarded'],
  ];
  for (const [forwarded, inProgress, status] of STATUSES)
    it(`${forwarded} forwarded, ${inProgress} in progress → ${status}`, () =>
      expect(participationStatus({ forwarded, inProgress })).toBe(status));

  const REMINDABLE: [ReminderLevel, ParticipationStatus, boolean][] = [
    ['institution', 'nothing', true],
    ['institution', 'in_progress', true],
    ['institution', 'forwarded', false],
    ['unit', 'nothing', true],
    ['unit', 'in_progress', false],
    ['unit', 'forwarded', false],
  ];
  for (const [level, status, yes] of REMINDABLE)
    it(`a ${level} with ${status} ${yes ? 'may' : 'may not'} be reminded`, () =>
      expect(remindable(level, status)).toBe(yes));

  const NOW = new Date('2026-04-10T03:00:00.000Z');
  it('reminds a recipient again only 24 hours after the last reminder', () => {
    expect(nextReminderAt(null, NOW)).toBeNull();
    expect(nextReminderAt('2026-04-09T03:00:00.000Z', NOW)).toBeNull();
    expect(nextReminderAt('2026-04-09T03:00:00.001Z', NOW)?.toISOString()).toBe('2026-04-10T03:00:00.001Z');
    expect(nextReminderAt('2026-04-10T02:00:00.000Z', NOW)?.toISOString()).toBe('2026-04-11T02:00:00.000Z');
  });

  it('plans a reminder: each person once, those reminded within 24 hours skipped', () => {
    const plan = planReminder(
      [
        { userId: 1, lastRemindedAt: null },
        { userId: 2, lastRemindedAt: '2026-04-09T20:00:00.000Z' },
        { userId: 1, lastRemindedAt: null },
        { userId: 3, lastRemindedAt: '2026-04-08T20:00:00.000Z' },
      ],
      NOW,
    );
    expect(plan.send.map((r) => r.userId)).toEqual([1, 3]);
    expect(plan.skipped.map((r) => [r.userId, r.nextAt.toISOString()])).toEqual([
      [2, '2026-04-10T20:00:00.000Z'],
    ]);
  });

  const base: Parameters<typeof submissionOpenForReminders>[0] = {
    status: 'published',
    opensAt: '2026-03-18T00:00:00.000Z',
    closesAt: '2026-05-11T16:59:00.000Z',
    closedAt: null,
    now: NOW,
  };
  const OPEN: [string, Partial<typeof base>, boolean][] = [
    ['open submission', {}, true],
    ['draft competition', { status: 'draft' }, false],
    ['archived competition', { status: 'archived' }, false],
    ['not opened yet', { opensAt: '2026-04-11T00:00:00.000Z' }, false],
    ['past its closing', { closesAt: '2026-04-10T02:59:00.000Z' }, false],
    ['closed by the closing step', { closedAt: '2026-04-01T00:00:00.000Z' }, false],
    ['no closing date', { closesAt: null }, false],
  ];
  for (const [name, change, yes] of OPEN)
    it(`reminders ${yes ? 'go out' : 'are refused'}: ${name}`, () =>
      expect(submissionOpenForReminders({ ...base, ...change })).toBe(yes));
});
