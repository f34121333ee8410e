import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { histogramSamples, type MetricFamily } from './metrics-format.js';

/** Request duration buckets in seconds: from a cached read (5 ms) to a slow export (10 s). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** The address the metrics are served at (outside /api, the operators' convention). */
export const METRICS_PATH = '/metrics';

/** A route no handler matched: one label, never the raw address (bounded cardinality). */
export const UNMATCHED_ROUTE = 'unmatched';

interface Series {
  method: string;
  route: string;
  count: number;
}
interface Timing {
  method: string;
  route: string;
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * The request counters and the duration histogram of this process, labelled by the route's pattern
 * (`/api/proposals/:id`), never by the address asked for, so the number of series stays that of the routes.
 */
export class HttpMetrics {
  private readonly requests = new Map<string, Series & { status: string }>();
  private readonly timings = new Map<string, Timing>();

  observe(method: string, route: string, statusCode: number, seconds: number): void {
    const status = `${Math.floor(statusCode / 100)}xx`;
    const key = `${method} ${route} ${status}`;
    const s = this.requests.get(key) ?? { method, route, status, count: 0 };
    s.count += 1;
    this.requests.set(key, s);
    const tkey = `${method} ${route}`;
    let t = this.timings.get(tkey);
    if (!t) {
      t = { method, route, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.timings.set(tkey, t);
    }
    const i = DURATION_BUCKETS.findIndex((le) => seconds <= le);
    if (i >= 0) t.buckets[i] += 1;
    t.sum += seconds;
    t.count += 1;
  }

  families(): MetricFamily[] {
    return [
      {
        name: 'sinovik_http_requests_total',
        help: 'HTTP requests answered, by method, route pattern and status class.',
        type: 'counter',
        samples: [...this.requests.values()].map((s) => ({
          labels: { method: s.method, route: s.route, status: s.status },
          value: s.count,
        })),
      },
      {
        name: 'sinovik_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by method and route pattern.',
        type: 'histogram',
        samples: [...this.timings.values()].flatMap((t) =>
          histogramSamples({ method: t.method, route: t.route }, DURATION_BUCKETS, t.buckets, t.sum, t.count),
        ),
      },
    ];
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    httpMetrics: HttpMetrics;
  }
}

/** Counts every answered request but the metrics' own (a scrape must not count itself). */
export function registerRequestMetrics(app: FastifyInstance): HttpMetrics {
  const metrics = new HttpMetrics();
  app.decorate('httpMetrics', metrics);
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
    if (route !== METRICS_PATH)
      metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  return metrics;
}

/** Resident memory, heap, CPU time and the event loop's delay of this process. */
export class ProcessMetrics {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private readonly startSeconds = Math.round(Date.now() / 1000 - process.uptime());

  constructor() {
    this.loop.enable();
  }

  stop(): void {
    this.loop.disable();
  }

  families(): MetricFamily[] {
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const gauge = (name: string, help: string, value: number): MetricFamily => ({
      name,
      help,
      type: 'gauge',
      samples: [{ value }],
    });
    const lag = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
    // Like prom-client: the delay figures cover the time since the previous scrape, then start anew.
    const loop = { mean: lag(this.loop.mean), p99: lag(this.loop.percentile(99)), max: lag(this.loop.max) };
    this.loop.reset();
    return [
      {
        // With WEB_PROCESSES > 1 each scrape answers from one process: its id tells the series apart.
        name: 'sinovik_process_info',
        help: 'The process that answered this scrape (pid; role web).',
        type: 'gauge',
        samples: [{ value: 1, labels: { pid: String(process.pid) } }],
      },
      gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', mem.rss),
      gauge(
        'process_start_time_seconds',
        'Start time of the process since the Unix epoch, in seconds.',
        this.startSeconds,
      ),
      {
        name: 'process_cpu_seconds_total',
        help: 'User and system CPU time spent, in seconds.',
        type: 'counter',
        samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
      },
      gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', mem.heapUsed),
      gauge('nodejs_heap_total_bytes', 'V8 heap reserved, in bytes.', mem.heapTotal),
      gauge(
        'nodejs_eventloop_lag_mean_seconds',
        'Mean event loop delay since the previous scrape, in seconds.',
        loop.mean,
      ),
      gauge(
        'nodejs_eventloop_lag_p99_seconds',
        '99th percentile of the event loop delay since the previous scrape, in seconds.',
        loop.p99,
      ),
      gauge(
        'nodejs_eventloop_lag_max_seconds',
        'Longest event loop delay since the previous scrape, in seconds.',
        loop.max,
      ),
    ];
  }
}
