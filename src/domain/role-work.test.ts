import { describe, expect, it } from 'vitest';
import { workOf, type StageWindow } from './role-work.js';

const stages: StageWindow[] = [
  { kind: 'submission', opensAt: '2026-03-14T17:00:00.000Z', closesAt: '2026-05-02T16:59:00.000Z' },
  { kind: 'evaluation_2', opensAt: '2026-05-31T17:00:00.000Z', closesAt: '2026-06-09T16:59:00.000Z' },
  { kind: 'evaluation_1', opensAt: '2026-05-12T17:00:00.000Z', closesAt: '2026-05-31T16:59:00.000Z' },
  { kind: 'finalists', opensAt: '2026-06-09T17:00:00.000Z', closesAt: '2026-06-15T16:59:00.000Z' },
  { kind: 'presentation', opensAt: '2026-06-25T17:00:00.000Z', closesAt: '2026-07-12T16:59:00.000Z' },
  { kind: 'field_verification', opensAt: null, closesAt: null },
  { kind: 'final_panel', opensAt: '2026-07-24T17:00:00.000Z', closesAt: '2026-07-28T16:59:00.000Z' },
];

describe('workOf: the stages that are a judging role’s work, and where it stands', () => {
  const cases: {
    name: string;
    role: 'evaluator' | 'panelist';
    list: StageWindow[];
    now: string;
    kinds: string[];
    startsAt: string | null;
    endsAt: string | null;
    state: string;
  }[] = [
    {
      name: 'evaluator before the evaluation: its two stages in calendar order, upcoming',
      role: 'evaluator',
      list: stages,
      now: '2026-04-01T00:00:00.000Z',
      kinds: ['evaluation_1', 'evaluation_2'],
      startsAt: '2026-05-12T17:00:00.000Z',
      endsAt: '2026-06-09T16:59:00.000Z',
      state: 'upcoming',
    },
    {
      name: 'evaluator during the first evaluation stage: open',
      role: 'evaluator',
      list: stages,
      now: '2026-05-20T00:00:00.000Z',
      kinds: ['evaluation_1', 'evaluation_2'],
      startsAt: '2026-05-12T17:00:00.000Z',
      endsAt: '2026-06-09T16:59:00.000Z',
      state: 'open',
    },
    {
      name: 'evaluator after the last evaluation stage: finished',
      role: 'evaluator',
      list: stages,
      now: '2026-06-10T00:00:00.000Z',
      kinds: ['evaluation_1', 'evaluation_2'],
      startsAt: '2026-05-12T17:00:00.000Z',
      endsAt: '2026-06-09T16:59:00.000Z',
      state: 'finished',
    },
    {
      name: 'panelist: finalists to final panel, the undated stage last',
      role: 'panelist',
      list: stages,
      now: '2026-04-01T00:00:00.000Z',
      kinds: ['finalists', 'presentation', 'final_panel', 'field_verification'],
      startsAt: '2026-06-09T17:00:00.000Z',
      endsAt: '2026-07-28T16:59:00.000Z',
      state: 'upcoming',
    },
    {
      name: 'no judging stage at all: not scheduled',
      role: 'panelist',
      list: [stages[0]!],
      now: '2026-04-01T00:00:00.000Z',
      kinds: [],
      startsAt: null,
      endsAt: null,
      state: 'not_scheduled',
    },
    {
      name: 'an open-ended stage keeps the work open long after',
      role: 'evaluator',
      list: [{ kind: 'evaluation_1', opensAt: '2026-05-12T17:00:00.000Z', closesAt: null }],
      now: '2027-01-01T00:00:00.000Z',
      kinds: ['evaluation_1'],
      startsAt: '2026-05-12T17:00:00.000Z',
      endsAt: null,
      state: 'open',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const w = workOf(c.role, c.list, c.now);
      expect(w.stages.map((s) => s.kind)).toEqual(c.kinds);
      expect([w.startsAt, w.endsAt, w.state]).toEqual([c.startsAt, c.endsAt, c.state]);
    });
});
