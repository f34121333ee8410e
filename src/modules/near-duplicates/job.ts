import type { Db } from '../../db/connect.js';
import { recordAudit } from '../../platform/audit.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs.js';
import { runNearDuplicateCheck } from './check.js';
import { competitionOf, latestCheckJob } from './queries.js';

/*
 * The near-duplicate check as a background job (issue 14 point 5): scheduled when a competition's
 * administrative check opens (its check rows are made at the closing) and on the secretariat's demand.
 * One waiting or running job per competition: asking again while one waits returns it.
 */

export const NEAR_DUPLICATE_JOB = 'near_duplicates.check';

/** Schedules a check of the competition now, unless one is waiting or running; the job's id. */
export async function scheduleNearDuplicateCheck(tx: Db, competitionId: number, now: Date): Promise<number> {
  const latest = await latestCheckJob(tx, competitionId, NEAR_DUPLICATE_JOB);
  if (latest && (latest.status === 'pending' || latest.status === 'running')) return latest.id;
  const uniqueKey = `${NEAR_DUPLICATE_JOB}:${competitionId}:${now.toISOString()}:${latest?.id ?? 0}`;
  await scheduleJob(tx, { kind: NEAR_DUPLICATE_JOB, uniqueKey, runAt: now, payload: { competitionId }, now });
  const row = await tx
    .selectFrom('jobs')
    .select('id')
    .where('unique_key', '=', uniqueKey)
    .executeTakeFirstOrThrow();
  return row.id;
}

const checkJob: JobHandler = async (job, { db, clock }) => {
  const competitionId = Number((JSON.parse(job.payload) as { competitionId?: unknown }).competitionId);
  const competition = await competitionOf(db, competitionId);
  if (!competition) return;
  const summary = await runNearDuplicateCheck(db, competitionId, clock.now());
  await db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: null,
      action: 'near_duplicates.checked',
      entityType: 'competition',
      entityId: competitionId,
      summary: { ...summary },
      scope: { competitionId, organizerInstitutionId: competition.organizer_institution_id },
      ip: null,
      now: clock.now(),
    }),
  );
};

export const nearDuplicateJobHandlers: Record<string, JobHandler> = { [NEAR_DUPLICATE_JOB]: checkJob };
