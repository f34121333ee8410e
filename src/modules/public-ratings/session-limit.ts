import type { Db } from '../../db/connect.js';
import { countUse } from '../../platform/shared-limit.js';

/**
 * Ratings per rating session per minute (the rating route's own rate limit is per network address). A fixed
 * one-minute window per session, counted in the database (platform/shared-limit.ts), so the limit holds
 * whichever app process each rating reaches.
 */
export class SessionLimit {
  constructor(
    private readonly db: Db,
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one use; null when allowed, else the milliseconds until the window resets. */
  async take(key: string, nowMs: number): Promise<number | null> {
    const w = await countUse(this.db, `rating-session ${key}`, this.windowMs, nowMs);
    return w.count > this.max ? w.resetAtMs - nowMs : null;
  }
}
