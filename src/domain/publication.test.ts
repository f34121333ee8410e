import { describe, expect, it } from 'vitest';
import { isLetterNumber, publishBody } from '../contracts/announcements.js';
import { adminReadiness, type CheckLine } from './publication.js';

const now = new Date('2026-12-06T10:00:00Z');
let n = 0;
const line = (over: Partial<CheckLine>): CheckLine => ({
  proposalId: ++n,
  code: `KIPP-${n}`,
  state: 'received',
  outcome: null,
  publishedAt: null,
  completionDeadline: null,
  ...over,
});

describe('adminReadiness', () => {
  it('applies staged passed and disqualified outcomes when nothing is left undecided', () => {
    const a = line({ outcome: 'passed' });
    const b = line({ outcome: 'disqualified' });
    const c = line({ state: 'incomplete', outcome: 'disqualified' });
    const r = adminReadiness([a, b, c], now);
    expect(r).toEqual({
      passed: [a.proposalId],
      disqualified: [b.proposalId, c.proposalId],
      blockers: [],
      ready: true,
    });
  });

  it('names each blocker: undecided, awaiting completion, completion overdue', () => {
    const undecided = line({});
    const backInQueue = line({ outcome: 'incomplete' });
    const waiting = line({
      state: 'incomplete',
      outcome: 'incomplete',
      completionDeadline: '2026-12-07T10:00:00Z',
    });
    const overdue = line({
      state: 'incomplete',
      outcome: 'incomplete',
      completionDeadline: '2026-12-06T10:00:00Z',
    });
    const passed = line({ outcome: 'passed' });
    const r = adminReadiness([undecided, backInQueue, waiting, overdue, passed], now);
    expect(r.ready).toBe(false);
    expect(r.passed).toEqual([passed.proposalId]);
    expect(r.blockers).toEqual([
      {
        code: 'undecided',
        proposalIds: [undecided.proposalId, backInQueue.proposalId],
        codes: [undecided.code, backInQueue.code],
      },
      { code: 'awaiting_completion', proposalIds: [waiting.proposalId], codes: [waiting.code] },
      { code: 'completion_overdue', proposalIds: [overdue.proposalId], codes: [overdue.code] },
    ]);
  });

  it('leaves out what was already published, and is not ready with nothing staged', () => {
    const r = adminReadiness(
      [line({ state: 'passed_admin', outcome: 'passed', publishedAt: '2026-12-01T00:00:00Z' })],
      now,
    );
    expect(r).toEqual({ passed: [], disqualified: [], blockers: [], ready: false });
  });
});

describe('letter number', () => {
  it.each(['B/187/PP.00.05/2022', 'B-12/KT.01/100/2026', '800/123/SJ/2025'])('accepts %s', (s) => {
    expect(isLetterNumber(s)).toBe(true);
  });
  it.each([
    '',
    'B187',
    'B/PP.00.05/2022',
    'B/187/PP.00.05/22',
    'B/187/PP 00/2022',
    'B//187/2022',
    '<b>/1/2022',
  ])('refuses %j', (s) => {
    expect(isLetterNumber(s)).toBe(false);
  });
  it('the publish body names the field with a bilingual message', () => {
    const r = publishBody.safeParse({
      letterNumber: 'nomor',
      titleId: 'a',
      titleEn: 'a',
      bodyId: 'a',
      bodyEn: 'a',
    });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['letterNumber']);
    expect(issue.message).toMatch(
      /^Nomor surat ditulis seperti B\/187\/PP\.00\.05\/2022.*\|Write the letter number/,
    );
  });
});
