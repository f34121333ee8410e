import { describe, expect, it } from 'vitest';
import {
  auditThisFailure,
  LOGIN_RULES,
  loginWait,
  tallyLogin,
  waitText,
  waitUntil,
  type FailureRecord,
} from './login-throttle.js';

const T0 = Date.parse('2026-12-06T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const rows = (n: number, r: Partial<FailureRecord>, startS = 0): FailureRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    email: 'a@x.go.id',
    ip: '1.1.1.1',
    device: null,
    at: at(startS + i),
    ...r,
  }));

describe('login throttle', () => {
  it('requires no wait below the threshold, then a wait that doubles per failure up to the cap', () => {
    const rule = LOGIN_RULES.pair; // 5, 30 s, 15 min
    const cases: [count: number, waitS: number | null][] = [
      [0, null],
      [4, null],
      [5, 30],
      [6, 60],
      [7, 120],
      [9, 480],
      [10, 900],
      [40, 900],
    ];
    for (const [count, waitS] of cases) {
      const until = waitUntil({ count, lastAt: at(0) }, rule);
      expect(until === null ? null : (until - T0) / 1000, String(count)).toBe(waitS);
    }
  });

  it('counts pair, source, account (unknown devices only) and the known device', () => {
    const all = [
      ...rows(3, {}), // this pair
      ...rows(2, { ip: '2.2.2.2' }), // same account, another address
      ...rows(4, { email: 'b@x.go.id' }), // same address, another account
      ...rows(2, { ip: '3.3.3.3', device: 'dev1' }), // the owner's known device, elsewhere
      ...rows(1, { ip: '3.3.3.3', device: 'dev2' }),
    ];
    const t = tallyLogin(all, { email: 'a@x.go.id', ip: '1.1.1.1', device: null });
    expect([t.pair.count, t.source.count, t.account.count, t.device]).toEqual([3, 7, 5, null]);
    const d = tallyLogin(all, { email: 'a@x.go.id', ip: '3.3.3.3', device: 'dev1' });
    expect(d.device).toEqual({ count: 2, lastAt: at(1) });
    expect(d.pair.count).toBe(3);
  });

  it('judges a known device only by its own failures, any other attempt by pair, account and source', () => {
    // 30 failures on the account from many addresses: the account scope is far past its threshold.
    const attack = Array.from({ length: 30 }, (_, i) => rows(1, { ip: `9.9.9.${i}` }, i)[0]);
    const now = new Date(T0 + 31_000);
    const stranger = loginWait(tallyLogin(attack, { email: 'a@x.go.id', ip: '5.5.5.5', device: null }), now);
    expect(stranger?.scope).toBe('account');
    const owner = loginWait(tallyLogin(attack, { email: 'a@x.go.id', ip: '5.5.5.5', device: 'own' }), now);
    expect(owner).toBeNull();
    // The attacker's own address, after its 5th failure on one account, waits for its pair.
    const pair = loginWait(tallyLogin(rows(5, {}), { email: 'a@x.go.id', ip: '1.1.1.1', device: null }), now);
    expect(pair).toEqual({ scope: 'pair', until: T0 + 4000 + 30_000 });
    expect(
      loginWait(
        tallyLogin(rows(5, {}), { email: 'a@x.go.id', ip: '1.1.1.1', device: null }),
        new Date(T0 + 34_001),
      ),
    ).toBeNull();
  });

  it('audits each failure within the limits, then only at powers of two beyond them', () => {
    const audited = (n: number) => auditThisFailure({ pair: n, account: n, source: n });
    const pairs = Array.from({ length: 70 }, (_, i) => i + 1).filter(audited);
    expect(pairs).toEqual([1, 2, 3, 4, 5, 8, 16, 32, 64]);
    expect(auditThisFailure({ pair: 1, account: 11, source: 1 })).toBe(false);
    expect(auditThisFailure({ pair: 1, account: 16, source: 1 })).toBe(true);
  });

  it('says the wait in words in both languages', () => {
    expect(waitText(30)).toEqual({ id: '30 detik', en: '30 seconds' });
    expect(waitText(61)).toEqual({ id: '2 menit', en: '2 minutes' });
  });
});
