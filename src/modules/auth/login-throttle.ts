import type { Db } from '../../db/connect.js';
import { THROTTLE_WINDOW_MS, type FailureRecord } from '../../domain/login-throttle.js';

type Kind = 'login' | 'change_password';

/**
 * The failures of the throttling window that concern an attempt: those of its e-mail and those of its
 * address (the throttle keeps each bounded, so this stays small; capped all the same).
 */
export async function recentFailures(
  db: Db,
  input: { email: string; ip: string; kind: Kind; now: Date },
): Promise<FailureRecord[]> {
  const since = new Date(input.now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  return db
    .selectFrom('login_failures')
    .select(['email', 'ip', 'device', 'at'])
    .where('kind', '=', input.kind)
    .where('at', '>', since)
    .where((eb) =>
      input.kind === 'login'
        ? eb.or([eb('email', '=', input.email), eb('ip', '=', input.ip)])
        : eb('email', '=', input.email),
    )
    .orderBy('at', 'desc')
    .limit(5000)
    .execute();
}

/** Records one failure, forgetting this e-mail's and address's failures older than the window. */
export async function recordFailure(
  tx: Db,
  input: { email: string; ip: string; device: string | null; kind: Kind; now: Date },
): Promise<void> {
  const since = new Date(input.now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  await tx
    .deleteFrom('login_failures')
    .where('at', '<=', since)
    .where((eb) => eb.or([eb('email', '=', input.email), eb('ip', '=', input.ip)]))
    .execute();
  await tx
    .insertInto('login_failures')
    .values({
      email: input.email,
      ip: input.ip,
      device: input.device,
      kind: input.kind,
      at: input.now.toISOString(),
    })
    .execute();
}

/**
 * After a success: forgets the failures of the attempt's own scope (its known device, or its address),
 * never those others made on the account, so an attack in progress stays throttled.
 */
export async function clearOwnFailures(
  tx: Db,
  input: { email: string; ip: string; device: string | null; kind: Kind },
): Promise<void> {
  let q = tx.deleteFrom('login_failures').where('email', '=', input.email).where('kind', '=', input.kind);
  if (input.kind === 'login')
    q = input.device
      ? q.where('device', '=', input.device)
      : q.where('ip', '=', input.ip).where('device', 'is', null);
  await q.execute();
}
