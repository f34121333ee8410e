import { describe, expect, it } from 'vitest';
import {
  CODE_MAX_ATTEMPTS,
  checkWindowSetting,
  codeQuotaRefusal,
  codeRefusal,
  emailRefusal,
  isDisposable,
  ratingRefusal,
  ratingWindowState,
  summarize,
  voterIdentity,
} from './public-ratings.js';

const W = { enabled: true, opensAt: '2026-07-01T01:00:00.000Z', closesAt: '2026-07-08T16:59:00.000Z' };

describe('public ratings: who is one person', () => {
  it('folds case, +tags, and for Gmail dots and googlemail.com into one identity', () => {
    const same = [
      'Budi.Santoso@gmail.com',
      'budisantoso+kipp@gmail.com',
      ' b.u.d.i.santoso@googlemail.com ',
      'BUDISANTOSO@GMAIL.COM',
    ];
    expect(new Set(same.map(voterIdentity))).toEqual(new Set(['budisantoso@gmail.com']));
    // Dots matter outside Gmail; the +tag does not.
    expect(voterIdentity('budi.santoso@contoh.id')).toBe('budi.santoso@contoh.id');
    expect(voterIdentity('budisantoso@contoh.id')).toBe('budisantoso@contoh.id');
    expect(voterIdentity('budi.santoso+a@contoh.id')).toBe('budi.santoso@contoh.id');
  });
  it('refuses what is not an address, and throw-away domains (and their subdomains)', () => {
    for (const bad of ['', 'budi', 'budi@', '@contoh.id', 'bu di@contoh.id', 'budi@contoh', '+x@gmail.com'])
      expect(voterIdentity(bad)).toBeNull();
    expect(emailRefusal('budi@')!.fields.email!.code).toBe('invalid_email');
    expect(isDisposable('x@mailinator.com')).toBe(true);
    expect(isDisposable('x@eu.mailinator.com')).toBe(true);
    expect(isDisposable('x@notmailinator.com')).toBe(false);
    expect(emailRefusal('x@yopmail.com')!.fields.email!.code).toBe('disposable_email');
    expect(emailRefusal('x@contoh.go.id')).toBeNull();
  });
});

describe('public ratings: the window', () => {
  it('is off, before, open and closed; outside it the refusal is 409 with both times and zone', () => {
    expect(ratingWindowState(null, new Date('2026-07-02T00:00:00Z'))).toBe('off');
    expect(ratingWindowState({ ...W, enabled: false }, new Date('2026-07-02T00:00:00Z'))).toBe('off');
    expect(ratingWindowState(W, new Date('2026-07-01T00:59:59Z'))).toBe('before');
    expect(ratingWindowState(W, new Date('2026-07-01T01:00:00Z'))).toBe('open');
    expect(ratingWindowState(W, new Date('2026-07-08T16:59:00Z'))).toBe('closed');
    expect(ratingRefusal(W, new Date('2026-07-02T00:00:00Z'), 'Asia/Jakarta')).toBeNull();
    const closed = ratingRefusal(W, new Date('2026-07-09T00:00:00Z'), 'Asia/Jakarta')!;
    expect(closed.status).toBe(409);
    expect(closed.code).toBe('rating_window_closed');
    expect(closed.text.id).toContain('23.59 WIB');
    expect(closed.details).toEqual({ window: 'closed', opensAt: W.opensAt, closesAt: W.closesAt });
    const before = ratingRefusal(W, new Date('2026-06-30T00:00:00Z'), 'Asia/Makassar')!;
    expect(before.code).toBe('rating_window_not_open');
    expect(before.text.en).toMatch(/opens 1 July 2026 09:00 WITA and closes 9 July 2026 00:59 WITA/);
  });
  it('needs both instants, closing after opening', () => {
    expect(checkWindowSetting({ enabled: false, opensAt: null, closesAt: null })).toBeNull();
    expect(
      checkWindowSetting({ enabled: true, opensAt: W.opensAt, closesAt: null })!.fields.closesAt,
    ).toBeDefined();
    expect(
      checkWindowSetting({ enabled: true, opensAt: W.closesAt, closesAt: W.opensAt })!.fields.closesAt!.code,
    ).toBe('closes_before_opens');
  });
});

describe('public ratings: codes', () => {
  const now = new Date('2026-07-02T00:00:00Z');
  const live = { attempts: 0, expiresAt: '2026-07-02T00:10:00Z', usedAt: null };
  it('unknown 404, used 409, expired 410, worn out 429; a live one passes', () => {
    expect(codeRefusal(undefined, now)!.status).toBe(404);
    expect(codeRefusal({ ...live, usedAt: '2026-07-01T23:59:00Z' }, now)!.code).toBe('rating_code_used');
    expect(codeRefusal({ ...live, expiresAt: now.toISOString() }, now)!.status).toBe(410);
    expect(codeRefusal({ ...live, attempts: CODE_MAX_ATTEMPTS }, now)!.status).toBe(429);
    expect(codeRefusal(live, now)).toBeNull();
  });
  it('an address gets three codes an hour, then waits until the oldest is an hour old', () => {
    const sent = ['2026-07-01T23:20:00Z', '2026-07-01T23:40:00Z'];
    expect(codeQuotaRefusal(sent, now)).toBeNull();
    const refused = codeQuotaRefusal([...sent, '2026-07-01T23:50:00Z'], now)!;
    expect(refused.status).toBe(429);
    expect(refused.details).toEqual({ retryAfter: 20 * 60 });
  });
});

describe('public ratings: the summary', () => {
  it('counts, means (two decimals) and distributes the counted ratings only', () => {
    expect(summarize([1, 0, 0, 2, 3], 4, true)).toEqual({
      count: 6,
      mean: Math.round(((1 + 8 + 15) / 6) * 100) / 100,
      distribution: [1, 0, 0, 2, 3],
      anomaly: true,
      excluded: 4,
    });
    expect(summarize([], 0, false).mean).toBeNull();
  });
});
