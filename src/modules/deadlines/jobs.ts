import type { Db } from '../../db/connect.js';
import {
  NOT_FORWARDED_STATES,
  parseSettings,
  sameInstant,
  submissionJobPlan,
} from '../../domain/deadlines.js';
import { formatInstant } from '../../domain/time.js';
import { scheduleJob, type JobHandler } from '../../platform/jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { closing } from './closing.js';
import { payloadOf } from './job-payload.js';
import {
  activeUsersByIds,
  findCompetitionRow,
  findSubmissionStage,
  localAdminsOf,
  proposalsInStates,
  type Recipient,
} from './queries.js';

/**
 * Schedules (or moves) the closing job and the 7/3/1-day reminders of a published competition's submission
 * stage, in the caller's transaction. A reminder that already ran for another closing instant is armed
 * again, so a moved deadline gets its reminders; the closing job is armed again as long as the submission
 * has not actually been closed. Does nothing for a draft or a competition without a closing time.
 */
export async function scheduleSubmissionJobs(tx: Db, competitionId: number, now: Date): Promise<void> {
  const competition = await findCompetitionRow(tx, competitionId);
  if (!competition || competition.status !== 'published') return;
  const stage = await findSubmissionStage(tx, competitionId);
  if (!stage?.closes_at) return;
  const closed = typeof parseSettings(stage.settings).closedAt === 'string';
  for (const job of submissionJobPlan(competitionId, stage.closes_at, now)) {
    await scheduleJob(tx, { ...job, now });
    if (job.kind === 'closing' && closed) continue;
    // scheduleJob leaves a finished job alone; one that ran for an earlier closing instant must run again.
    const existing = await tx
      .selectFrom('jobs')
      .select(['id', 'status', 'payload'])
      .where('unique_key', '=', job.uniqueKey)
      .executeTakeFirst();
    if (!existing || (existing.status !== 'done' && existing.status !== 'failed')) continue;
    // A closing that ran without closing (e.g. while the competition was a draft) must run again; a
    // reminder only when the closing instant it announced has moved.
    const rearm =
      job.kind === 'closing' ||
      !sameInstant(parseSettings(existing.payload).closesAt as string | undefined, job.payload.closesAt);
    if (rearm)
      await tx
        .updateTable('jobs')
        .set({
          status: 'pending',
          run_at: job.runAt.toISOString(),
          payload: JSON.stringify(job.payload),
          attempts: 0,
          locked_until: null,
          last_error: null,
          finished_at: null,
        })
        .where('id', '=', existing.id)
        .where('status', '=', existing.status)
        .execute();
  }
}

/**
 * Reminder: e-mails each admin lokal of an institution that still has proposals not forwarded, and each
 * UPP who created one, once per person, with the days left and how many are not forwarded. A reminder for
 * a closing instant that has since moved, or of a competition no longer published, does nothing.
 */
const reminder: JobHandler = async (job, { db, clock }) => {
  const payload = payloadOf(job);
  await db.transaction().execute(async (tx) => {
    const competition = await findCompetitionRow(tx, payload.competitionId);
    const stage = await findSubmissionStage(tx, payload.competitionId);
    if (!competition || competition.status !== 'published' || !stage?.closes_at) return;
    if (!sameInstant(stage.closes_at, payload.closesAt)) return;
    const now = clock.now();
    if (Date.parse(stage.closes_at) <= now.getTime()) return;
    const open = await proposalsInStates(tx, competition.id, NOT_FORWARDED_STATES);
    if (!open.length) return;
    const byInstitution = new Map<number, number>();
    const byCreator = new Map<number, number>();
    for (const p of open) {
      byInstitution.set(p.institution_id, (byInstitution.get(p.institution_id) ?? 0) + 1);
      byCreator.set(p.created_by, (byCreator.get(p.created_by) ?? 0) + 1);
    }
    // One mail per person: an admin lokal counts the institution's proposals, a UPP their own.
    const send = new Map<number, { who: Recipient; count: number }>();
    for (const a of await localAdminsOf(tx, [...byInstitution.keys()])) {
      const count = byInstitution.get(a.institutionId) ?? 0;
      const prior = send.get(a.id);
      send.set(a.id, { who: a, count: (prior?.count ?? 0) + count });
    }
    for (const u of await activeUsersByIds(tx, [...byCreator.keys()]))
      if (!send.has(u.id)) send.set(u.id, { who: u, count: byCreator.get(u.id) ?? 0 });
    // Counted from the server's now, so a reminder that runs late (worker down) still tells the truth.
    const days = Math.ceil((Date.parse(stage.closes_at) - now.getTime()) / 86_400_000);
    for (const { who, count } of send.values())
      await enqueueMail(tx, {
        to: who.email,
        toName: who.name,
        template: 'submission_reminder',
        locale: who.locale,
        vars: {
          name: who.name,
          competition: competition.name,
          days,
          closesAt: formatInstant(stage.closes_at, competition.time_zone, who.locale),
          count,
        },
        scope: {
          competitionId: competition.id,
          organizerInstitutionId: competition.organizer_institution_id,
          institutionId: 'institutionId' in who ? (who.institutionId as number) : null,
        },
        now,
      });
  });
};

/** The timed events of the submission stage, by job kind, for the worker. */
export const submissionJobHandlers: Record<string, JobHandler> = { closing, reminder };
