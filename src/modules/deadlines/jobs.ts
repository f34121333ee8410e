import { NOT_FORWARDED_STATES, sameInstant } from '../../domain/deadlines.js';
import { formatInstant } from '../../domain/time.js';
import type { JobHandler } from '../../platform/jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { localAdminsOf, type Recipient } from '../../platform/notify.js';
import { findCompetitionRow, findSubmissionStage } from '../competitions/queries.js';
import { closing } from './closing.js';
import { payloadOf } from './job-payload.js';
import { activeUsersByIds, proposalsInStates } from './queries.js';

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
