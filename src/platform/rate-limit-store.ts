import type { Db } from '../db/connect.js';
import { countUse, readUse } from './shared-limit.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * @fastify/rate-limit's store over the database (platform/shared-limit.ts): each route's limit counts under
 * "<method> <route> <key>", in one row every app process increments, so the N+1th request is refused
 * whichever process it reaches. Fixed windows as the plugin's in-memory store; its `continueExceeding` and
 * `exponentialBackoff` variants are not offered (no route uses them): asking for one fails at startup.
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;
    constructor(options: StoreOptions, prefix = '') {
      if (options.continueExceeding || options.exponentialBackoff)
        throw new Error('the database rate-limit store counts fixed windows only');
      this.prefix = prefix;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = Date.now();
      countUse(db, this.prefix + key, timeWindow, now).then(
        (w) => cb(null, { current: w.count, ttl: w.resetAtMs - now }),
        (err: Error) => cb(err),
      );
    }

    read(key: string, cb: Callback): void {
      const now = Date.now();
      readUse(db, this.prefix + key, now).then(
        (w) => cb(null, { current: w.count, ttl: w.resetAtMs - now }),
        (err: Error) => cb(err),
      );
    }

    // The plugin passes the route's merged limit options with `routeInfo` (its types say RouteOptions).
    child(options: object): DatabaseRateLimitStore {
      const routeOptions = options as StoreOptions;
      const method = [routeOptions.routeInfo?.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(routeOptions, `${method} ${routeOptions.routeInfo?.url ?? ''} `);
    }
  };
}
