/** The only source of "now" for the server: tests and demos move it instead of waiting. */
export interface Clock {
  now(): Date;
}

/** Real time plus an optional offset that a demo or test can move forward. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): Date {
    if (this.frozenAt !== null) return new Date(this.frozenAt);
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves time forward (or back) by `ms` milliseconds. */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Jumps to an instant and keeps running from there. */
  set(instant: Date): void {
    if (this.frozenAt !== null) this.frozenAt = instant.getTime();
    else this.offsetMs = instant.getTime() - Date.now();
  }

  /** Stops time at an instant (tests that compare exact timestamps). */
  freeze(instant: Date = this.now()): void {
    this.frozenAt = instant.getTime();
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }

  get offset(): number {
    return this.frozenAt !== null ? this.frozenAt - Date.now() : this.offsetMs;
  }
}
