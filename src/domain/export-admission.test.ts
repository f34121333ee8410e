import { describe, expect, it } from 'vitest';
import { admitExport, exportBusy, type ExportLoad } from './export-admission.js';

const load = (over: Partial<ExportLoad>): ExportLoad => ({
  userActive: 0,
  active: 0,
  threads: 2,
  queue: 4,
  perUser: 2,
  typicalMs: 1500,
  ...over,
});

describe('admitExport', () => {
  it.each([
    ['an idle pool', {}, { ok: true }],
    ['one of the user\u2019s own running', { userActive: 1, active: 1 }, { ok: true }],
    ['the last place of the queue', { active: 5 }, { ok: true }],
    [
      'the user\u2019s limit reached',
      { userActive: 2, active: 2 },
      { ok: false, reason: 'user_limit', retryAfterS: 2 },
    ],
    // Six running or waiting, two threads: this one would wait behind five, shared by two threads.
    ['threads and queue full', { active: 6 }, { ok: false, reason: 'pool_full', retryAfterS: 4 }],
    [
      'the user\u2019s limit before the pool',
      { userActive: 2, active: 6 },
      { ok: false, reason: 'user_limit', retryAfterS: 2 },
    ],
    ['at least one second', { active: 6, typicalMs: 0 }, { ok: false, reason: 'pool_full', retryAfterS: 1 }],
    [
      'at most two minutes',
      { active: 6, typicalMs: 600_000 },
      { ok: false, reason: 'pool_full', retryAfterS: 120 },
    ],
  ])('%s', (_name, over, expected) => {
    expect(admitExport(load(over))).toEqual(expected);
  });
});

describe('exportBusy', () => {
  it('is a 429 export_busy in both languages with the retry time in the body', () => {
    const e = exportBusy({ reason: 'user_limit', retryAfterS: 3 }, 2);
    expect([e.status, e.code]).toEqual([429, 'export_busy']);
    expect(e.text.id).toContain('coba lagi dalam 3 detik');
    expect(e.text.en).toContain('try again in 3 seconds');
    expect(e.details).toEqual({ retryAfter: 3, reason: 'user_limit' });
    const full = exportBusy({ reason: 'pool_full', retryAfterS: 9 }, 2);
    expect(full.text.id).toContain('Coba lagi dalam 9 detik');
    expect(full.text.en).toContain('try again in 9 seconds');
  });
});
