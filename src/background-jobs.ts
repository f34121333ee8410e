import type { Db } from './db/connect.js';
import type { Clock } from './platform/clock.js';
import type { JobHandler } from './platform/jobs.js';
import type { BlobStore } from './platform/storage.js';
import type { RecurringJob } from './platform/recurring-jobs.js';
import { submissionJobHandlers } from './modules/deadlines/jobs.js';
import { reviewJobHandlers } from './modules/review/reminders.js';
import { storageSweepJob } from './modules/proposals/evidence/sweep.js';
import { ratingAddressSweepJob } from './modules/public-ratings/sweep.js';
import { galleryStatusPromptJob } from './modules/gallery/owner/status-prompt.js';
import type { PromptDate } from './domain/gallery-owner.js';
import { nearDuplicateJobHandlers } from './modules/near-duplicates/job.js';
import { retentionJob } from './modules/retention/job.js';
import { rateLimitSweepJob } from './platform/shared-limit.js';

/*
 * Every kind of background job a worker runs, in one place (the in-process worker of `npm start` and the
 * separate `worker` command both take them from here): the timed events of the competitions (closings,
 * reminders) and the hourly sweeps, which a starting worker schedules if none is waiting.
 */

/** What the recurring jobs need: the file store, the app's address, the gallery's yearly prompt date. */
export interface RecurringJobDeps {
  storage: BlobStore;
  baseUrl: string;
  galleryStatusPrompt: PromptDate;
}

function recurringJobs(deps: RecurringJobDeps): RecurringJob[] {
  return [
    storageSweepJob(deps.storage),
    ratingAddressSweepJob,
    galleryStatusPromptJob(deps),
    retentionJob,
    rateLimitSweepJob,
  ];
}

export function backgroundJobHandlers(deps: RecurringJobDeps): Record<string, JobHandler> {
  return {
    ...submissionJobHandlers,
    ...reviewJobHandlers(deps.baseUrl),
    ...nearDuplicateJobHandlers,
    ...Object.fromEntries(recurringJobs(deps).map((j) => [j.kind, j.handler])),
  };
}

/** Schedules each hourly sweep now unless one is already waiting (a worker starting). */
export async function ensureRecurringJobs(db: Db, clock: Clock, deps: RecurringJobDeps): Promise<void> {
  for (const job of recurringJobs(deps)) await job.ensure(db, clock);
}
