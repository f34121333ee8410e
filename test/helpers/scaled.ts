import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/connect.js';
import { injectOverHttp, NotOverHttp } from './http-inject.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

/**
 * The scaled test mode (SINOVIK_TEST_SCALED=1): the app as it runs on several processes. createTestApp
 * builds two app instances, each on a database connection of its own (on PostgreSQL a pool of its own, so
 * its own per-database caches, prepared statements and transactions: what a second process has), both
 * listening on 127.0.0.1, behind a round-robin proxy (round-robin-proxy.ts) that sets X-Forwarded-For;
 * the apps trust 127.0.0.1 as their proxy (TRUSTED_PROXIES). `ctx.app.inject` then sends each request
 * over real HTTP through the proxy (http-inject.ts), so consecutive requests of a test land on different
 * instances. The clock stays one AdjustableClock shared by both instances (servers with synchronized
 * clocks), and the rest of the test context (db, deliverMail) is instance A's.
 */
export const SCALED_MODE = process.env.SINOVIK_TEST_SCALED === '1';

/** The proxy's address as the apps see it: what TRUSTED_PROXIES must name. */
export const PROXY_ADDRESS = '127.0.0.1';

export interface ScaledApps {
  /** Instance A, whose `inject` goes through the proxy (every other member is A's own). */
  app: FastifyInstance;
  instances: FastifyInstance[];
  proxy: RoundRobinProxy;
  /** inject through the proxy to one instance (0 = A, 1 = B): "one request to each". */
  injectVia: (instance: number, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  /** Requests that could not go over HTTP and were injected in-process into A (method and URL). */
  inProcess: string[];
  close: () => Promise<void>;
}

/** TRUSTED_PROXIES for a scaled app: the test's own list (if any) with the proxy's address added. */
export function withProxyTrusted(list: string | undefined): string {
  const entries = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([...entries, PROXY_ADDRESS])].join(', ');
}

/** Puts already built instances behind a proxy; `instances[0]` answers for ctx.app. */
export async function startScaled(instances: FastifyInstance[]): Promise<ScaledApps> {
  const upstreams = [];
  for (const app of instances) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    upstreams.push({ host: '127.0.0.1', port: (app.server.address() as AddressInfo).port });
  }
  const proxy = await startRoundRobinProxy(upstreams);
  // No keep-alive to the proxy either: a connection whose request was answered before its body was read
  // (a refused upload) is closed by the server, and must not be reused for the next request.
  const agent = new http.Agent({ keepAlive: false });
  const inProcess: string[] = [];
  const a = instances[0];
  const send = async (opts: InjectOptions & { upstream?: number }) => {
    try {
      return await injectOverHttp({ port: proxy.port, agent }, opts);
    } catch (err) {
      if (!(err instanceof NotOverHttp)) throw err;
      inProcess.push(`${opts.method ?? 'GET'} ${String(opts.url).slice(0, 80)}… (${err.message})`);
      return a.inject(opts);
    }
  };
  const app = new Proxy(a, {
    get(target, prop) {
      if (prop === 'inject') return (opts: InjectOptions) => send(opts);
      // Already listening behind the proxy: a test that listens itself gets A's address.
      if (prop === 'listen')
        return async () => {
          const { port } = target.server.address() as AddressInfo;
          return `http://127.0.0.1:${port}`;
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    app,
    instances,
    proxy,
    injectVia: (instance, opts) => send({ ...opts, upstream: instance }),
    inProcess,
    close: async () => {
      agent.destroy();
      await proxy.close();
      if (inProcess.length)
        console.warn(
          `scaled mode: ${inProcess.length} request(s) injected in-process:\n  ${inProcess.join('\n  ')}`,
        );
    },
  };
}

/**
 * The database connections serving requests: A's alone, or in the scaled mode each instance's (one each
 * on PostgreSQL; on SQLite they share one). For a test that reads a per-connection counter.
 */
export function servingDatabases(ctx: { app: FastifyInstance; scaled?: ScaledApps }): Db[] {
  return [...new Set((ctx.scaled?.instances ?? [ctx.app]).map((a) => a.deps.db))];
}

/**
 * Requests to one process: in the scaled mode pinned to instance A (through the proxy), else the app's own
 * `inject`. For tests of what is kept per process by design — the export pool's per-user places (each
 * process guards its own CPU) and a process's own request metrics (each process labels them with its pid).
 */
export function oneProcess(ctx: {
  app: FastifyInstance;
  scaled?: ScaledApps;
}): (opts: InjectOptions) => Promise<LightMyRequestResponse> {
  return (opts) => (ctx.scaled ? ctx.scaled.injectVia(0, opts) : ctx.app.inject(opts));
}
