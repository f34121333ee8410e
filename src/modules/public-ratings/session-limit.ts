/**
 * Ratings per rating session per minute, in memory (as @fastify/rate-limit's own store; the plugin runs one
 * limit per route, and the rating route's is per network address). A fixed one-minute window per session
 * token hash; the map forgets windows that ended, and never holds more than `maxKeys` sessions.
 */
export class SessionLimit {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one use; null when allowed, else the milliseconds until the window resets. */
  take(key: string, nowMs: number): number | null {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= nowMs) {
      if (this.windows.size >= this.maxKeys) this.sweep(nowMs);
      w = { count: 0, resetAt: nowMs + this.windowMs };
      this.windows.set(key, w);
    }
    if (w.count >= this.max) return w.resetAt - nowMs;
    w.count++;
    return null;
  }

  private sweep(nowMs: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= nowMs) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
