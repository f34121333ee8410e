import { describe, expect, it } from 'vitest';
import {
  ANOMALY_DEFAULTS,
  detectAnomalies,
  explainAnomaly,
  networkOf,
  type RatingFact,
} from './public-ratings-anomalies.js';

let id = 0;
const at = (minutes: number) => new Date(Date.UTC(2026, 6, 2, 2, 0) + minutes * 60_000).toISOString();
const r = (over: Partial<RatingFact>): RatingFact => ({
  id: ++id,
  proposalId: 1,
  voter: `v${id}`,
  ip: `10.0.${id % 200}.${id % 7}`,
  value: 4,
  at: at(id * 30),
  excluded: false,
  ...over,
});
const th = ANOMALY_DEFAULTS;

describe('anomaly report', () => {
  it('a steady trickle, spread over networks, with varied values, flags nothing', () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      r({ proposalId: 1 + (i % 5), ip: `10.${i}.1.1`, value: 1 + (i % 5) }),
    );
    expect(detectAnomalies(rows)).toEqual([]);
  });

  it('a burst: 20 ratings of one finalist within 10 minutes is one group with exactly those ratings', () => {
    const calm = [
      r({ proposalId: 7, ip: '10.1.1.1', at: at(0) }),
      r({ proposalId: 7, ip: '10.2.1.1', at: at(60) }),
    ];
    const burst = Array.from({ length: th.burstMin }, (_, i) =>
      r({ proposalId: 7, ip: `10.${10 + i}.1.1`, at: at(120 + i * 0.4) }),
    );
    const late = r({ proposalId: 7, ip: '10.99.1.1', at: at(300) });
    const groups = detectAnomalies([...calm, ...burst, late]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'burst', proposalId: 7, ratings: 20, voters: 20, excluded: 0 });
    expect(groups[0]!.ratingIds).toEqual(burst.map((b) => b.id));
    expect(groups[0]!.key).toBe(`burst:7:${burst[0]!.at}`);
    // 19 in the window is not a burst.
    expect(detectAnomalies([...calm, ...burst.slice(1), late])).toEqual([]);
  });

  it('many addresses from one IP (≥ 5) and from one /24 network (≥ 20) are flagged with their counts', () => {
    const ip = Array.from({ length: 5 }, (_, i) => r({ ip: '36.80.1.9', proposalId: i + 1, at: at(i * 60) }));
    expect(detectAnomalies(ip.slice(1))).toEqual([]);
    const [g] = detectAnomalies(ip);
    expect(g).toMatchObject({ kind: 'ip', key: 'ip:36.80.1.9', source: '36.80.1.9', voters: 5, ratings: 5 });
    const net = Array.from({ length: 20 }, (_, i) => r({ ip: `36.81.2.${i + 1}`, at: at(i * 60) }));
    const groups = detectAnomalies(net);
    expect(groups.map((x) => [x.kind, x.key, x.voters])).toEqual([['network', 'network:36.81.2.0/24', 20]]);
    // The same voter from one address many times is one voter, not a crowd.
    const one = Array.from({ length: 8 }, (_, i) => r({ voter: 'same', ip: '36.82.1.1', proposalId: i + 1 }));
    expect(detectAnomalies(one)).toEqual([]);
  });

  it('the 5-for-one, 1-for-all-others pattern: three such voters for one finalist are a group', () => {
    const voter = (name: string, favoured: number, others: number[]) => [
      r({ voter: name, proposalId: favoured, value: 5, ip: `10.${id}.0.1` }),
      ...others.map((p) => r({ voter: name, proposalId: p, value: 1, ip: `10.${id}.0.1` })),
    ];
    const rows = [
      ...voter('a', 3, [1, 2]),
      ...voter('b', 3, [1, 2, 4]),
      ...voter('c', 3, [2, 4]),
      // Not the pattern: two fives; or one 5 with a 2; or only two rated.
      ...voter('d', 3, [1]),
      r({ voter: 'e', proposalId: 3, value: 5 }),
      r({ voter: 'e', proposalId: 1, value: 2 }),
      r({ voter: 'e', proposalId: 2, value: 1 }),
    ];
    const groups = detectAnomalies(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      kind: 'pattern',
      key: 'pattern:3',
      proposalId: 3,
      voters: 3,
      ratings: 10,
    });
    expect(detectAnomalies(rows.filter((x) => x.voter !== 'c'))).toEqual([]);
  });

  it('counts the ratings already excluded, and explains a group in words with hour and zone', () => {
    const ip = Array.from({ length: 6 }, (_, i) => r({ ip: '36.80.1.9', excluded: i < 2, at: at(i) }));
    const [g] = detectAnomalies(ip);
    expect(g!.excluded).toBe(2);
    const words = explainAnomaly(g!, () => 'X', 'Asia/Jakarta');
    expect(words.id).toContain('6 alamat e-mail berbeda menilai dari satu alamat IP (36.80.1.9)');
    expect(words.id).toMatch(/WIB/);
    expect(words.en).toContain('6 different e-mail addresses rated from one IP address');
  });

  it('networks: IPv4 /24, IPv4-mapped, IPv6 /48 with :: expanded', () => {
    expect(networkOf('36.80.1.9')).toBe('36.80.1.0/24');
    expect(networkOf('::ffff:36.80.1.9')).toBe('36.80.1.0/24');
    expect(networkOf('2001:db8:1:2::5')).toBe('2001:db8:1::/48');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0::/48');
  });
});
