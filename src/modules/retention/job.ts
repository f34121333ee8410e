import { dailyJob } from '../../platform/recurring-jobs.js';
import { applyRetention, RETENTION_JOB_KIND } from './commands/apply-retention.js';

/** The retention of personal data, applied once a day by a worker. */
export const retentionJob = dailyJob(RETENTION_JOB_KIND, applyRetention);
