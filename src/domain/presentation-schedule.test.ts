import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildSchedule,
  capacityOf,
  checkPlacement,
  scheduleProblems,
  slotTime,
  type ScheduleFinalist,
  type ScheduleInput,
  type ScheduleSession,
} from './presentation-schedule.js';

const SHAPE = { slotMinutes: 20, bufferMinutes: 5 };
const T0 = Date.parse('2026-07-06T01:00:00.000Z'); // 08.00 WIB
const MIN = 60_000;

const session = (id: number, over: Partial<ScheduleSession> = {}): ScheduleSession => ({
  id,
  name: `Sesi ${id}`,
  startsAt: T0,
  // Four slots: 0, 25, 50, 75 minutes; the last ends at 95.
  endsAt: T0 + 95 * MIN,
  groupKeys: ['umum'],
  panelistIds: [1, 2, 3],
  ...over,
});

const finalist = (id: number, over: Partial<ScheduleFinalist> = {}): ScheduleFinalist => ({
  id,
  code: `F${id}`,
  institutionId: 100 + id,
  institutionName: `Instansi ${id}`,
  groupKey: 'umum',
  unavailable: [],
  conflictedPanelists: [],
  ...over,
});

const input = (sessions: ScheduleSession[], finalists: ScheduleFinalist[], quorum = 3): ScheduleInput => ({
  shape: SHAPE,
  quorum,
  sessions,
  finalists,
  timeZone: 'Asia/Jakarta',
});

describe('presentation slots', () => {
  it('a session holds as many slots as fit before its end, separated by the buffer', () => {
    expect(capacityOf(session(1), SHAPE)).toBe(4);
    expect(capacityOf(session(1, { endsAt: T0 + 94 * MIN }), SHAPE)).toBe(3);
    expect(capacityOf(session(1, { endsAt: T0 + 19 * MIN }), SHAPE)).toBe(0);
    expect(slotTime(session(1), SHAPE, 2)).toEqual({ from: T0 + 50 * MIN, to: T0 + 70 * MIN });
  });
});

describe('buildSchedule: each rule', () => {
  it('places everyone when nothing stands in the way, earliest first', () => {
    const r = buildSchedule(input([session(1)], [finalist(1), finalist(2)]));
    expect(r.unplaced).toEqual([]);
    expect(r.placements.map((p) => p.index).sort()).toEqual([0, 1]);
  });

  it('group: a finalist of a group no session hears is not placed, and says so', () => {
    const r = buildSchedule(input([session(1)], [finalist(1, { groupKey: 'replikasi' })]));
    expect(r.placements).toEqual([]);
    expect(r.unplaced[0]!.reason).toBe('no_session_for_group');
    expect(r.unplaced[0]!.message.id).toContain('replikasi');
  });

  it('group: the finalist goes to the session that hears its group', () => {
    const r = buildSchedule(
      input([session(1), session(2, { groupKeys: ['replikasi'] })], [finalist(1, { groupKey: 'replikasi' })]),
    );
    expect(r.placements).toEqual([{ finalistId: 1, sessionId: 2, index: 0 }]);
  });

  it('capacity: one finalist more than the slots is refused with "full"', () => {
    const fs = [1, 2, 3, 4, 5].map((i) => finalist(i));
    const r = buildSchedule(input([session(1)], fs));
    expect(r.placements).toHaveLength(4);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]!.reason).toBe('full');
    expect(r.unplaced[0]!.message.en).toContain('every slot');
  });

  it('quorum: a session with a conflicted panelist falls below the quorum for that institution', () => {
    const s1 = session(1, { panelistIds: [1, 2, 3] });
    const s2 = session(2, { panelistIds: [4, 5, 6] });
    const f = finalist(1, { conflictedPanelists: [2] });
    const r = buildSchedule(input([s1, s2], [f]));
    expect(r.placements).toEqual([{ finalistId: 1, sessionId: 2, index: 0 }]);
    const none = buildSchedule(input([s1], [f]));
    expect(none.unplaced[0]!.reason).toBe('no_quorum');
    expect(none.unplaced[0]!.message.id).toContain('Sesi 1: 2');
    // Quorum 2: the same session is enough.
    expect(buildSchedule(input([s1], [f], 2)).unplaced).toEqual([]);
  });

  it('same institution: two finalists of one institution never at overlapping times, even in two rooms', () => {
    const a = finalist(1, { institutionId: 7 });
    const b = finalist(2, { institutionId: 7 });
    // Two parallel sessions of one slot each: both at 08.00, so the second cannot go anywhere.
    const s1 = session(1, { endsAt: T0 + 20 * MIN });
    const s2 = session(2, { endsAt: T0 + 20 * MIN });
    const r = buildSchedule(input([s1, s2], [a, b]));
    expect(r.placements).toHaveLength(1);
    expect(r.unplaced[0]!.reason).toBe('same_institution');
    // With the other finalist of another institution both are placed.
    expect(buildSchedule(input([s1, s2], [a, finalist(2)])).unplaced).toEqual([]);
  });

  it('same institution: kept in consecutive slots of one session when possible', () => {
    const other = [finalist(1), finalist(2)];
    const same = [3, 4, 5].map((i) => finalist(i, { institutionId: 9 }));
    const s = session(1, { endsAt: T0 + 170 * MIN }); // 7 slots
    const r = buildSchedule(input([s], [...other, ...same]));
    expect(r.unplaced).toEqual([]);
    const idx = r.placements
      .filter((p) => [3, 4, 5].includes(p.finalistId))
      .map((p) => p.index)
      .sort((x, y) => x - y);
    expect(idx[2]! - idx[0]!).toBe(2);
  });

  it('unavailability: a finalist is never placed in a time it cannot make', () => {
    const f = finalist(1, { unavailable: [{ from: T0, to: T0 + 50 * MIN }] });
    const r = buildSchedule(input([session(1)], [f]));
    expect(r.placements).toEqual([{ finalistId: 1, sessionId: 1, index: 2 }]);
    const never = finalist(1, { unavailable: [{ from: T0 - MIN, to: T0 + 200 * MIN }] });
    const none = buildSchedule(input([session(1)], [never]));
    expect(none.unplaced[0]!.reason).toBe('unavailable');
  });

  it('repairs: moves a placed finalist to free the only slot another can take', () => {
    // F1 fits anywhere; F2 can only make the first slot. Ordering might put F1 first; the result places both.
    const s = session(1, { endsAt: T0 + 45 * MIN }); // 2 slots
    const f1 = finalist(1);
    const f2 = finalist(2, { unavailable: [{ from: T0 + 25 * MIN, to: T0 + 45 * MIN }] });
    const r = buildSchedule(input([s], [f1, f2]));
    expect(r.unplaced).toEqual([]);
    expect(r.placements.find((p) => p.finalistId === 2)!.index).toBe(0);
  });

  it('keeps fixed placements where they are', () => {
    const r = buildSchedule(input([session(1)], [finalist(1), finalist(2)]), [
      { finalistId: 1, sessionId: 1, index: 3 },
    ]);
    expect(r.placements).toContainEqual({ finalistId: 1, sessionId: 1, index: 3 });
    expect(r.placements).toContainEqual({ finalistId: 2, sessionId: 1, index: 0 });
  });
});

describe('checkPlacement: a hand move is validated by the same rules', () => {
  const a = finalist(1, { institutionId: 7 });
  const b = finalist(2, { institutionId: 7 });
  const c = finalist(3, { groupKey: 'replikasi', conflictedPanelists: [1] });
  const inp = input([session(1), session(2, { endsAt: T0 + 45 * MIN })], [a, b, c]);
  const placed = [
    { finalistId: 1, sessionId: 1, index: 0 },
    { finalistId: 2, sessionId: 1, index: 1 },
  ];
  const codes = (fid: number, sessionId: number, index: number) =>
    checkPlacement(inp, placed, fid, { finalistId: fid, sessionId, index }).map((v) => v.code);

  it('accepts a free, valid slot', () => expect(codes(2, 1, 3)).toEqual([]));
  it('refuses a taken slot', () => expect(codes(2, 1, 0)).toContain('taken'));
  it('refuses a slot overlapping its own institution in another room', () =>
    expect(codes(2, 2, 0)).toContain('same_institution'));
  it('refuses a slot past the capacity', () => expect(codes(2, 2, 2)).toEqual(['capacity']));
  it('refuses another group and a missing quorum', () => {
    const v = codes(3, 1, 3);
    expect(v).toContain('group');
    expect(v).toContain('quorum');
  });
  it('refuses an unknown session', () => expect(codes(2, 99, 0)).toEqual(['unknown_session']));
});

describe('buildSchedule: properties', () => {
  const arb = fc
    .record({
      sessions: fc.array(
        fc.record({
          offset: fc.integer({ min: 0, max: 6 }),
          slots: fc.integer({ min: 0, max: 5 }),
          groups: fc.subarray(['umum', 'replikasi'], { minLength: 1 }),
          panel: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      finalists: fc.array(
        fc.record({
          inst: fc.integer({ min: 1, max: 5 }),
          group: fc.constantFrom('umum', 'replikasi'),
          conflicts: fc.subarray([1, 2, 3, 4, 5], { maxLength: 2 }),
          busy: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
        }),
        { maxLength: 14 },
      ),
      quorum: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ sessions, finalists, quorum }) =>
      input(
        sessions.map((s, i) =>
          session(i + 1, {
            startsAt: T0 + s.offset * 25 * MIN,
            endsAt: T0 + s.offset * 25 * MIN + (s.slots * 25 - 5) * MIN,
            groupKeys: s.groups,
            panelistIds: s.panel,
          }),
        ),
        finalists.map((f, i) =>
          finalist(i + 1, {
            institutionId: f.inst,
            groupKey: f.group,
            conflictedPanelists: f.conflicts,
            unavailable:
              f.busy === null ? [] : [{ from: T0 + f.busy * 25 * MIN, to: T0 + (f.busy + 2) * 25 * MIN }],
          }),
        ),
        quorum,
      ),
    );

  it('every placement keeps every rule, each finalist is placed once or explained', () => {
    fc.assert(
      fc.property(arb, (inp) => {
        const r = buildSchedule(inp);
        expect(scheduleProblems(inp, r.placements)).toEqual([]);
        const placed = r.placements.map((p) => p.finalistId);
        expect(new Set(placed).size).toBe(placed.length);
        const all = [...placed, ...r.unplaced.map((u) => u.finalistId)].sort((a, b) => a - b);
        expect(all).toEqual(inp.finalists.map((f) => f.id));
        for (const u of r.unplaced) expect(u.message.id.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });

  it('nobody is left out while a valid free slot for them remains', () => {
    fc.assert(
      fc.property(arb, (inp) => {
        const r = buildSchedule(inp);
        for (const u of r.unplaced)
          for (const s of inp.sessions)
            for (let index = 0; index < capacityOf(s, inp.shape); index++)
              expect(
                checkPlacement(inp, r.placements, u.finalistId, {
                  finalistId: u.finalistId,
                  sessionId: s.id,
                  index,
                }),
              ).not.toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
