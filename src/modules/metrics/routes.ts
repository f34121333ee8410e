import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { poolStats } from '../../db/connect.js';
import { errorBody } from '../../platform/http-errors.js';
import { METRICS_CONTENT_TYPE, formatMetrics, type MetricFamily } from '../../platform/metrics-format.js';
import { METRICS_PATH, ProcessMetrics, registerRequestMetrics } from '../../platform/metrics.js';
import { forkedRole } from '../../platform/processes.js';
import { jobQueue, outboxQueue } from './queries.js';

/**
 * With WEB_PROCESSES > 1 the processes share one port and each scrape reaches one of them: its own figures
 * (requests, durations, pool, process) carry its pid, so each process's counters are a series of their own
 * (sum them over `pid`); the database's figures (outbox, jobs) are the same from each and carry none.
 */
function ownSeries(families: MetricFamily[]): MetricFamily[] {
  if (!forkedRole()) return families;
  const pid = String(process.pid);
  return families.map((f) => ({
    ...f,
    samples: f.samples.map((s) => ({ ...s, labels: { ...s.labels, pid } })),
  }));
}

/** The bearer token matches METRICS_TOKEN, compared in constant time (digests of equal length). */
export function tokenMatches(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const digest = (v: string) => crypto.createHash('sha256').update(v).digest();
  return crypto.timingSafeEqual(digest(given), digest(token));
}

const gauge = (name: string, help: string, samples: MetricFamily['samples']): MetricFamily => ({
  name,
  help,
  type: 'gauge',
  samples,
});

const ageSeconds = (nowMs: number, iso: string | null) =>
  iso ? Math.max(0, (nowMs - new Date(iso).getTime()) / 1000) : 0;

/**
 * GET /metrics for the operator's Prometheus: only when METRICS_TOKEN is set and sent as a bearer token;
 * otherwise the same 404 as any unknown address. Never rate-limited, and not counted in its own figures.
 */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const http = registerRequestMetrics(app);
  const proc = new ProcessMetrics();
  app.addHook('onClose', async () => proc.stop());

  app.get(
    METRICS_PATH,
    { schema: { hide: true }, config: { allowIncompleteProfile: true } },
    async (req, reply) => {
      const token = app.deps.config.metricsToken;
      if (!token || !tokenMatches(req, token))
        return reply.code(404).send(errorBody('not_found', { id: 'Tidak ditemukan.', en: 'Not found.' }));
      const { db, clock } = app.deps;
      const now = clock.now();
      const [outbox, jobs] = [await outboxQueue(db), await jobQueue(db, now.toISOString())];
      const pool = poolStats(db);
      const families: MetricFamily[] = [
        ...ownSeries(http.families()),
        gauge(
          'sinovik_outbox_mails',
          'Mails in the outbox not yet delivered, by status (pending, sending, failed).',
          ['pending', 'sending', 'failed'].map((status) => ({
            labels: { status },
            value: outbox.byStatus.find((r) => r.status === status)?.n ?? 0,
          })),
        ),
        gauge(
          'sinovik_outbox_oldest_pending_age_seconds',
          'Age of the oldest mail waiting to go out (0: none).',
          [{ value: ageSeconds(now.getTime(), outbox.oldest) }],
        ),
        gauge(
          'sinovik_jobs',
          'Background jobs by state: waiting (due), scheduled (later), running, failed.',
          (['waiting', 'scheduled', 'running', 'failed'] as const).map((state) => ({
            labels: { state },
            value: jobs[state],
          })),
        ),
        gauge(
          'sinovik_jobs_oldest_waiting_age_seconds',
          'How long the oldest due job has waited (job lag; 0: none).',
          [{ value: ageSeconds(now.getTime(), jobs.oldest) }],
        ),
        ...(pool
          ? ownSeries([
              gauge('sinovik_db_pool_clients', 'PostgreSQL pool clients: total open, idle.', [
                { labels: { state: 'total' }, value: pool.total },
                { labels: { state: 'idle' }, value: pool.idle },
              ]),
              gauge('sinovik_db_pool_waiting_requests', 'Queries waiting for a PostgreSQL pool client.', [
                { value: pool.waiting },
              ]),
            ])
          : []),
        ...ownSeries(proc.families()),
      ];
      return reply
        .header('content-type', METRICS_CONTENT_TYPE)
        .header('cache-control', 'no-store')
        .send(formatMetrics(families));
    },
  );
}
