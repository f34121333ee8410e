import type { Db } from '../db/connect.js';
import type { Clock } from './clock.js';
import { deliverDueMail, sweepExpiredSecrets, type MailTransport } from './mail/delivery.js';
import { runDueJobs, type JobHandler } from './jobs.js';
import { copyCheckpointOut } from './audit-verify.js';
import { linkAuditChain } from './audit-linker.js';

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  mailFrom: string;
  /** Where the worker copies the signed audit checkpoint (DATA_DIR/audit-checkpoint); none: not copied. */
  dataDir?: string;
  log: { error: (obj: unknown, msg?: string) => void; info: (obj: unknown, msg?: string) => void };
  /** Handlers of timed jobs by kind (closing, reminders, ...); none means this worker runs no jobs. */
  jobHandlers?: Record<string, JobHandler>;
}

/**
 * Rows stuck in 'sending' (a worker died mid-send) go back to the queue this long after they were claimed
 * (deliverDueMail stamps the claim time in next_attempt_at); far above the SMTP timeouts of one send.
 */
export const STALE_SENDING_MS = 10 * 60_000;

/**
 * One pass of background work: run due jobs, link the audit events committed since the last pass, then
 * deliver due mail. Safe to run from several processes at once.
 */
export async function runWorkerOnce(deps: WorkerDeps): Promise<{ sent: number; failed: number }> {
  if (deps.jobHandlers) await runDueJobs(deps.db, deps.clock, deps.jobHandlers);
  const staleBefore = new Date(deps.clock.now().getTime() - STALE_SENDING_MS).toISOString();
  await deps.db
    .updateTable('outbox')
    .set({ status: 'pending' })
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<', staleBefore)
    .execute();
  await sweepExpiredSecrets(deps.db, deps.clock.now());
  await linkAuditChain(deps.db, deps.clock.now());
  if (deps.dataDir) await copyCheckpointOut(deps.db, deps.dataDir);
  return deliverDueMail(deps.db, deps.transport, deps.clock, deps.mailFrom);
}

/** Polls in the background until stopped; `kick()` runs a pass right away (after a commit that queued mail). */
export function startWorker(
  deps: WorkerDeps,
  intervalMs = 1000,
): { stop: () => Promise<void>; kick: () => void } {
  let running: Promise<unknown> | null = null;
  let again = false;
  let stopped = false;
  const tick = (kicked = false) => {
    if (stopped) return;
    if (running) {
      // A commit that queued mail during a pass is picked up right after it, not a poll later.
      if (kicked) again = true;
      return;
    }
    again = false;
    running = runWorkerOnce(deps)
      .catch((err) => deps.log.error({ err }, 'worker pass failed'))
      .finally(() => {
        running = null;
        if (again) setImmediate(() => tick());
      });
  };
  const timer = setInterval(() => tick(), intervalMs);
  timer.unref();
  return {
    kick: () => setImmediate(() => tick(true)),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
