import type { Db } from '../../db/connect.js';

/** The outbox by status, and when the oldest mail still waiting to go out was queued. */
export async function outboxQueue(db: Db) {
  const byStatus = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['pending', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  const oldest = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min('created_at').as('at'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirst();
  return {
    byStatus: byStatus.map((r) => ({ status: r.status, n: Number(r.n) })),
    oldest: oldest?.at ?? null,
  };
}

/**
 * The jobs table the worker claims from: due and waiting, scheduled for later, running, failed; and the
 * instant the oldest due job was due (how far the worker lags behind).
 */
export async function jobQueue(db: Db, nowIso: string) {
  const counts = await db
    .selectFrom('jobs')
    .select((eb) => [
      eb.fn
        .count<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]))
            .then(1)
            .end(),
        )
        .as('waiting'),
      eb.fn
        .count<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'pending'), eb('run_at', '>', nowIso)]))
            .then(1)
            .end(),
        )
        .as('scheduled'),
      eb.fn.count<number>(eb.case().when('status', '=', 'running').then(1).end()).as('running'),
      eb.fn.count<number>(eb.case().when('status', '=', 'failed').then(1).end()).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const oldest = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('at'))
    .where('status', '=', 'pending')
    .where('run_at', '<=', nowIso)
    .executeTakeFirst();
  return {
    waiting: Number(counts.waiting),
    scheduled: Number(counts.scheduled),
    running: Number(counts.running),
    failed: Number(counts.failed),
    oldest: oldest?.at ?? null,
  };
}
