import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { scheduleJob } from '../src/platform/jobs.js';
import { enqueueMail } from '../src/platform/mail/outbox.js';
import { escapeLabelValue, formatMetrics, histogramSamples } from '../src/platform/metrics-format.js';
import { oneProcess } from './helpers/scaled.js';
import { createTestApp, type TestContext } from './helpers/app.js';
import { TEST_DIALECT } from './helpers/db.js';

const TOKEN = 'scrape-token-0123456789abcdef';
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

/** The value of the one sample line that starts with `prefix ` (name and labels), or undefined. */
function sample(text: string, prefix: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${prefix} `));
  return line === undefined ? undefined : Number(line.slice(prefix.length + 1));
}

describe('the metrics formatter (Prometheus text 0.0.4)', () => {
  it('escapes backslashes, double quotes and line feeds in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const text = formatMetrics([
      {
        name: 'x_total',
        help: 'Help with a \\ and a\nline feed.',
        type: 'counter',
        samples: [{ labels: { route: '/a"b\\c\nd' }, value: 2 }],
      },
    ]);
    expect(text).toBe(
      '# HELP x_total Help with a \\\\ and a\\nline feed.\n' +
        '# TYPE x_total counter\n' +
        'x_total{route="/a\\"b\\\\c\\nd"} 2\n',
    );
  });

  it('writes a histogram as cumulative buckets up to +Inf, its sum and its count', () => {
    const text = formatMetrics([
      {
        name: 'h',
        help: 'H.',
        type: 'histogram',
        samples: histogramSamples({ r: 'x' }, [0.1, 1], [2, 1], 1.5, 4),
      },
    ]);
    expect(text.split('\n').slice(2, -1)).toEqual([
      'h_bucket{r="x",le="0.1"} 2',
      'h_bucket{r="x",le="1"} 3',
      'h_bucket{r="x",le="+Inf"} 4',
      'h_sum{r="x"} 1.5',
      'h_count{r="x"} 4',
    ]);
  });
});

describe('METRICS_TOKEN in the configuration', () => {
  it('refuses a token shorter than 16 characters, naming the variable', () => {
    expect(() =>
      loadConfig({
        DATA_DIR: '/tmp/x',
        SESSION_SECRET: 's'.repeat(32),
        AUDIT_KEY: 'a'.repeat(32),
        METRICS_TOKEN: 'short',
      }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({
        DATA_DIR: '/tmp/x',
        SESSION_SECRET: 's'.repeat(32),
        AUDIT_KEY: 'a'.repeat(32),
        METRICS_TOKEN: 'short',
      }),
    ).toThrow(/METRICS_TOKEN/);
  });
});

describe('GET /metrics without METRICS_TOKEN', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  it('answers 404, with or without a bearer token', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: bearer(TOKEN) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => ctx.close());
  const scrape = () => ctx.app.inject({ method: 'GET', url: '/metrics', headers: bearer(TOKEN) });

  it('answers 404 without a token, with a wrong one, and with the right one not as a bearer', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const wrong = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: bearer(TOKEN + 'x') });
    expect(wrong.statusCode).toBe(404);
    const basic = await ctx.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: TOKEN } });
    expect(basic.statusCode).toBe(404);
  });

  it('answers 200 in the text format 0.0.4 with the right token', async () => {
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE sinovik_http_requests_total counter');
    expect(sample(res.body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts requests by route pattern, never itself', async () => {
    // A process's own counters: its requests and its scrape (scaled mode: both to instance A).
    const viaA = oneProcess(ctx);
    for (let i = 0; i < 3; i++) await viaA({ method: 'GET', url: '/api/health' });
    // Two addresses of one route pattern count together under the pattern.
    await viaA({ method: 'GET', url: '/api/competitions/999999' });
    await viaA({ method: 'GET', url: '/api/competitions/888888' });
    await viaA({ method: 'GET', url: '/metrics', headers: bearer(TOKEN) });
    const text = (await viaA({ method: 'GET', url: '/metrics', headers: bearer(TOKEN) })).body;
    expect(sample(text, 'sinovik_http_requests_total{method="GET",route="/api/health",status="2xx"}')).toBe(
      3,
    );
    expect(
      sample(text, 'sinovik_http_request_duration_seconds_count{method="GET",route="/api/health"}'),
    ).toBe(3);
    expect(
      sample(
        text,
        'sinovik_http_request_duration_seconds_bucket{method="GET",route="/api/health",le="+Inf"}',
      ),
    ).toBe(3);
    expect(text).not.toMatch(/route="[^"]*(999999|888888)/);
    const byId = text
      .split('\n')
      .filter((l) => l.startsWith('sinovik_http_requests_total{method="GET",route="/api/competitions/:id"'));
    expect(byId.reduce((n, l) => n + Number(l.split(' ')[1]), 0)).toBe(2);
    expect(text).not.toContain('route="/metrics"');
  });

  it('shows a queued mail in the outbox gauge and a due job in the jobs gauge, with their ages', async () => {
    const before = (await scrape()).body;
    expect(sample(before, 'sinovik_outbox_mails{status="pending"}')).toBe(0);
    expect(sample(before, 'sinovik_jobs{state="waiting"}')).toBe(0);
    const now = ctx.clock.now();
    const queuedAt = new Date(now.getTime() - 90_000);
    await ctx.db.transaction().execute(async (tx) => {
      await enqueueMail(tx, {
        to: 'siti@example.id',
        toName: 'Siti Rahayu',
        template: 'password_reset',
        locale: 'id',
        vars: { name: 'Siti Rahayu', link: 'https://x.example/r', expires: '12 Mei 2026 16.00 WIB' },
        now: queuedAt,
      });
      await scheduleJob(tx, {
        kind: 'metrics.test',
        uniqueKey: 'metrics-test-1',
        runAt: new Date(now.getTime() - 120_000),
        payload: {},
        now: queuedAt,
      });
      await scheduleJob(tx, {
        kind: 'metrics.test',
        uniqueKey: 'metrics-test-2',
        runAt: new Date(now.getTime() + 3_600_000),
        payload: {},
        now: queuedAt,
      });
    });
    const text = (await scrape()).body;
    expect(sample(text, 'sinovik_outbox_mails{status="pending"}')).toBe(1);
    expect(sample(text, 'sinovik_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'sinovik_jobs{state="waiting"}')).toBe(1);
    expect(sample(text, 'sinovik_jobs{state="scheduled"}')).toBe(1);
    expect(sample(text, 'sinovik_jobs_oldest_waiting_age_seconds')).toBeGreaterThanOrEqual(120);
  });

  it('shows the PostgreSQL pool on PostgreSQL only', async () => {
    const text = (await scrape()).body;
    if (TEST_DIALECT === 'postgres') {
      expect(sample(text, 'sinovik_db_pool_clients{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'sinovik_db_pool_waiting_requests')).toBe(0);
    } else expect(text).not.toContain('sinovik_db_pool');
  });
});
