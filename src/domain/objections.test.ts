import { describe, expect, it } from 'vitest';
import {
  closingReadiness,
  decisionRefusal,
  emptyCounts,
  filingRefusal,
  finalistsAfterDecisions,
  formatObjectionNumber,
  parseObjectionNumber,
  triageRefusal,
  windowState,
} from './objections.js';

const W = { opensAt: '2026-06-15T17:00:00.000Z', closesAt: '2026-06-20T16:59:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('objection numbers', () => {
  it('formats and parses UJI-<year>-<id>, tolerant of case, spaces and missing zeros', () => {
    expect(formatObjectionNumber(2026, 1)).toBe('UJI-2026-0001');
    expect(formatObjectionNumber(2026, 12345)).toBe('UJI-2026-12345');
    expect(parseObjectionNumber(' uji-2026-0001 ')).toEqual({ year: 2026, id: 1 });
    expect(parseObjectionNumber('UJI-2026-17')).toEqual({ year: 2026, id: 17 });
    for (const bad of ['', 'UJI-2026-0000', 'UJI-26-1', 'KIPP-2026-0001', 'UJI-2026-1x', '1'])
      expect([bad, parseObjectionNumber(bad)]).toEqual([bad, null]);
  });
});

describe('the window of the uji publik', () => {
  it('is open from the opening instant to just before the closing instant', () => {
    expect(windowState(W, at('2026-06-15T16:59:59.999Z'))).toBe('before');
    expect(windowState(W, at(W.opensAt))).toBe('open');
    expect(windowState(W, at('2026-06-20T16:58:59.999Z'))).toBe('open');
    expect(windowState(W, at(W.closesAt))).toBe('closed');
    expect(windowState({ opensAt: null, closesAt: W.closesAt }, at(W.opensAt))).toBe('unscheduled');
  });

  it('refuses filing outside it with both instants in the zone of the competition', () => {
    expect(filingRefusal(W, at('2026-06-17T00:00:00.000Z'), 'Asia/Jakarta')).toBeNull();
    const early = filingRefusal(W, at('2026-06-01T00:00:00.000Z'), 'Asia/Makassar')!;
    expect(early.status).toBe(409);
    expect(early.code).toBe('objection_window_not_open');
    expect(early.text.id).toBe(
      'Masa uji publik dibuka 16 Juni 2026 01.00 WITA dan ditutup 21 Juni 2026 00.59 WITA.',
    );
    const late = filingRefusal(W, at('2026-07-01T00:00:00.000Z'), 'Asia/Jakarta')!;
    expect(late.code).toBe('objection_window_closed');
    expect(late.text.en).toBe(
      'The public review closed 20 June 2026 23:59 WIB; objections can no longer be filed.',
    );
    expect(late.details).toEqual({ opensAt: W.opensAt, closesAt: W.closesAt, window: 'closed' });
    expect(filingRefusal({ opensAt: null, closesAt: null }, at(W.opensAt), 'Asia/Jakarta')!.code).toBe(
      'objection_window_not_open',
    );
  });
});

describe('the moves of an objection', () => {
  it('triages only a new objection and decides only a forwarded one', () => {
    expect(triageRefusal('new')).toBeNull();
    for (const s of ['forwarded', 'dismissed', 'upheld', 'rejected'] as const)
      expect(triageRefusal(s)?.code).toBe('objection_already_handled');
    expect(decisionRefusal('forwarded')).toBeNull();
    for (const s of ['new', 'dismissed', 'upheld', 'rejected'] as const)
      expect(decisionRefusal(s)?.status).toBe(409);
  });
});

describe('readiness of the final list', () => {
  const counts = (over: Partial<ReturnType<typeof emptyCounts>>) => ({ ...emptyCounts(), ...over });
  it('needs the window closed and nothing new or forwarded', () => {
    const during = at('2026-06-17T00:00:00.000Z');
    const after = at('2026-06-21T00:00:00.000Z');
    expect(closingReadiness(W, during, counts({ dismissed: 2 }))).toMatchObject({
      ready: false,
      blockers: ['window_not_closed'],
    });
    expect(closingReadiness(W, after, counts({ new: 1, forwarded: 2, upheld: 1 }))).toMatchObject({
      ready: false,
      pending: 3,
      blockers: ['objections_pending'],
    });
    expect(closingReadiness(W, after, counts({ dismissed: 4, upheld: 1, rejected: 2 }))).toEqual({
      ready: true,
      windowState: 'closed',
      pending: 0,
      counts: counts({ dismissed: 4, upheld: 1, rejected: 2 }),
      blockers: [],
    });
    // No objection at all: ready once the window closed.
    expect(closingReadiness(W, after, emptyCounts()).ready).toBe(true);
  });

  it('fixes the final list as the provisional one without the upheld, in provisional order', () => {
    const provisional = [3, 1, 7, 5].map((proposalId) => ({ proposalId, code: `K-${proposalId}` }));
    expect(finalistsAfterDecisions(provisional, [7, 99]).map((f) => f.proposalId)).toEqual([3, 1, 5]);
    expect(finalistsAfterDecisions(provisional, new Set<number>())).toEqual(provisional);
  });
});
