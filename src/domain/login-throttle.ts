import { t, type Text } from './errors.js';

/*
 * Login throttling that slows the attacker, not the owner. Failed attempts are counted for an hour in
 * four scopes; from a scope's threshold on, the next attempt in that scope must wait a delay that doubles
 * with each further failure (capped). A waiting attempt is refused (429 with Retry-After) without looking
 * at the password and without being counted, so nothing is held open on the server.
 *
 * - pair: one account from one client address (the attacker at his own address);
 * - source: one client address over all accounts (password spraying);
 * - account: one account from every address, for attempts NOT made on a known device of that account (an
 *   attack from many addresses);
 * - device: one account on one known device (a signed cookie set at a successful login): a known device is
 *   judged by its own failures only, so its owner still gets in while the account is attacked elsewhere.
 *
 * The owner on a new device while the account is under attack signs in with an e-mailed one-time link.
 */

export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;

export interface ThrottleRule {
  /** Failures in the window from which a wait is required. */
  after: number;
  /** The first wait; each further failure doubles it, up to maxMs. */
  baseMs: number;
  maxMs: number;
}

export type LoginScope = 'pair' | 'source' | 'account' | 'device';

export const LOGIN_RULES: Record<LoginScope, ThrottleRule> = {
  pair: { after: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  device: { after: 5, baseMs: 30_000, maxMs: 15 * 60_000 },
  account: { after: 10, baseMs: 60_000, maxMs: 15 * 60_000 },
  source: { after: 30, baseMs: 60_000, maxMs: 15 * 60_000 },
};

/** Wrong current passwords on the change-password route, per account. */
export const CHANGE_PASSWORD_RULE: ThrottleRule = { after: 3, baseMs: 30_000, maxMs: 15 * 60_000 };

export interface Tally {
  count: number;
  /** ISO instant of the newest failure, null when none. */
  lastAt: string | null;
}

export const emptyTally = (): Tally => ({ count: 0, lastAt: null });

/** The instant (ms) before which the next attempt is refused, or null when it may go ahead. */
export function waitUntil(tally: Tally, rule: ThrottleRule): number | null {
  if (tally.count < rule.after || !tally.lastAt) return null;
  const wait = Math.min(rule.maxMs, rule.baseMs * 2 ** (tally.count - rule.after));
  return Date.parse(tally.lastAt) + wait;
}

export interface FailureRecord {
  email: string;
  ip: string;
  device: string | null;
  at: string;
}

export interface LoginTallies {
  pair: Tally;
  source: Tally;
  account: Tally;
  /** Only when the attempt carries a known device of the account. */
  device: Tally | null;
}

function add(tally: Tally, at: string): void {
  tally.count++;
  if (!tally.lastAt || at > tally.lastAt) tally.lastAt = at;
}

/** Counts an attempt's scopes over the failed logins of the window (rows for its e-mail or its address). */
export function tallyLogin(
  rows: readonly FailureRecord[],
  attempt: { email: string; ip: string; device: string | null },
): LoginTallies {
  const tallies: LoginTallies = {
    pair: emptyTally(),
    source: emptyTally(),
    account: emptyTally(),
    device: attempt.device ? emptyTally() : null,
  };
  for (const r of rows) {
    if (r.ip === attempt.ip) add(tallies.source, r.at);
    if (r.email !== attempt.email) continue;
    if (r.ip === attempt.ip) add(tallies.pair, r.at);
    if (r.device === null) add(tallies.account, r.at);
    else if (tallies.device && r.device === attempt.device) add(tallies.device, r.at);
  }
  return tallies;
}

/**
 * Whether the attempt must wait, and until when: a known device only by its own failures; any other
 * attempt by its pair, its account and its source.
 */
export function loginWait(tallies: LoginTallies, now: Date): { until: number; scope: LoginScope } | null {
  const scopes: LoginScope[] = tallies.device ? ['device'] : ['pair', 'account', 'source'];
  let worst: { until: number; scope: LoginScope } | null = null;
  for (const scope of scopes) {
    const tally = scope === 'device' ? tallies.device! : tallies[scope];
    const until = waitUntil(tally, LOGIN_RULES[scope]);
    if (until !== null && until > now.getTime() && (!worst || until > worst.until)) worst = { until, scope };
  }
  return worst;
}

/** Failures written to the audit log one by one, per scope and window; after that only summaries. */
export const AUDIT_EACH_UP_TO: Record<'pair' | 'account' | 'source', number> = {
  pair: 5,
  account: 10,
  source: 30,
};

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * Whether a failure (with the counts including it) gets an audit row, so an attack cannot flood the log:
 * every failure while each count is within AUDIT_EACH_UP_TO, then one summary row (carrying the counts)
 * whenever a count beyond its limit reaches a power of two (16, 32, 64, …).
 */
export function auditThisFailure(counts: { pair: number; account: number; source: number }): boolean {
  const within = (Object.keys(AUDIT_EACH_UP_TO) as (keyof typeof AUDIT_EACH_UP_TO)[]).every(
    (k) => counts[k] <= AUDIT_EACH_UP_TO[k],
  );
  if (within) return true;
  return (Object.keys(AUDIT_EACH_UP_TO) as (keyof typeof AUDIT_EACH_UP_TO)[]).some(
    (k) => counts[k] > AUDIT_EACH_UP_TO[k] && isPowerOfTwo(counts[k]),
  );
}

/** "30 detik" / "30 seconds", "2 menit" / "2 minutes". */
export function waitText(seconds: number): Text {
  if (seconds < 60) return t(`${seconds} detik`, `${seconds} second${seconds === 1 ? '' : 's'}`);
  const minutes = Math.ceil(seconds / 60);
  return t(`${minutes} menit`, `${minutes} minute${minutes === 1 ? '' : 's'}`);
}
