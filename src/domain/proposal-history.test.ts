import { describe, expect, it } from 'vitest';
import { sinceLastReturn, versionNumbers, type HistoryEntry } from './proposal-history.js';

const auto = (id: number): HistoryEntry => ({ id, kind: 'autosave', action: null });
const tr = (id: number, action: string): HistoryEntry => ({ id, kind: 'transition', action });

describe('versionNumbers', () => {
  it('numbers 1..N from the oldest, without gaps, whatever the order given or the ids', () => {
    const n = versionNumbers([tr(40, 'send'), auto(12), tr(3, 'create'), auto(7)]);
    expect([...n.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [3, 1],
      [7, 2],
      [12, 3],
      [40, 4],
    ]);
  });
});

describe('sinceLastReturn', () => {
  it('never returned: null', () => {
    expect(sinceLastReturn([tr(1, 'create'), auto(2), tr(3, 'send')])).toBeNull();
  });
  it('returned and not yet sent again: null', () => {
    expect(sinceLastReturn([tr(1, 'create'), tr(3, 'send'), tr(4, 'return'), auto(5)])).toBeNull();
  });
  it('returned then resent: the return and the first send after it', () => {
    expect(
      sinceLastReturn([
        tr(9, 'forward'),
        tr(7, 'send'),
        auto(6),
        tr(4, 'return'),
        tr(3, 'send'),
        tr(1, 'create'),
      ]),
    ).toEqual({ returnId: 4, resendId: 7 });
  });
  it('returned twice: the latest return counts', () => {
    expect(
      sinceLastReturn([
        tr(1, 'create'),
        tr(2, 'send'),
        tr(3, 'return'),
        tr(4, 'send'),
        tr(5, 'return'),
        auto(6),
        tr(7, 'send'),
      ]),
    ).toEqual({ returnId: 5, resendId: 7 });
  });
});
