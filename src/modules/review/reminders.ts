import { parseSettings, sameInstant } from '../../domain/deadlines.js';
import { IN_JUDGING_STATES } from '../../domain/proposal-workflow.js';
import { REVIEW_REMINDER_KIND, supersededBy } from '../../domain/review-reminders.js';
import { reviewSettingsOf } from '../../domain/review-settings.js';
import { formatInstant } from '../../domain/time.js';
import type { JobHandler } from '../../platform/jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { findCompetitionRow } from '../competitions/queries.js';

/*
 * The reminders of a review stage (issue 12 point 4), as jobs (domain/review-reminders.ts plans them):
 * scheduled when the stage's rubric is prepared and by every assignment written, in that transaction
 * (assignments/reminders.ts); run by the worker, each once (its unique key holds the stage, the closing
 * instant and the day).
 */

/**
 * One reminder: each reviewer with active assignments in the stage whose evaluation is not submitted
 * (proposals in judging) gets one mail, bilingual by their locale, with the count and the closing (hour
 * and zone) and the link to their work list. Nothing when the closing has moved since the job was armed,
 * the stage is closed, or the competition is not published. Outbox rows in one transaction.
 */
export function reviewReminderHandler(baseUrl: string): JobHandler {
  return async (job, { db, clock }) => {
    const payload = parseSettings(job.payload);
    const stageId = Number(payload.stageId);
    await db.transaction().execute(async (tx) => {
      const stage = await tx.selectFrom('stages').selectAll().where('id', '=', stageId).executeTakeFirst();
      if (!stage?.closes_at || !sameInstant(stage.closes_at, payload.closesAt as string | undefined)) return;
      const now = clock.now();
      if (Date.parse(stage.closes_at) <= now.getTime()) return;
      // A worker catching up: a later reminder is due too, and it alone is sent (one mail, not two).
      const { reminderDays } = reviewSettingsOf(parseSettings(stage.settings), stage.kind);
      if (supersededBy(Number(payload.days), stage.closes_at, reminderDays, now) !== null) return;
      const competition = await findCompetitionRow(tx, stage.competition_id);
      if (!competition || competition.status !== 'published') return;
      const open = await tx
        .selectFrom('review_assignments as a')
        .innerJoin('proposals as p', 'p.id', 'a.proposal_id')
        .innerJoin('users as u', 'u.id', 'a.reviewer_id')
        .leftJoin('evaluations as e', 'e.assignment_id', 'a.id')
        .select(['u.id', 'u.email', 'u.name', 'u.locale', (eb) => eb.fn.countAll<number>().as('n')])
        .where('a.stage_id', '=', stage.id)
        .where('a.status', '=', 'active')
        .where('p.state', 'in', [...IN_JUDGING_STATES])
        .where('u.is_active', '=', 1)
        .where((eb) => eb.or([eb('e.id', 'is', null), eb('e.status', '!=', 'submitted')]))
        .groupBy(['u.id', 'u.email', 'u.name', 'u.locale'])
        .orderBy('u.id')
        .execute();
      for (const r of open)
        await enqueueMail(tx, {
          to: r.email,
          toName: r.name,
          template: 'review_reminder',
          locale: r.locale,
          vars: {
            name: r.name,
            competition: competition.name,
            stage: stage.name_id,
            stageEn: stage.name_en,
            count: Number(r.n),
            closesAt: formatInstant(stage.closes_at, competition.time_zone, r.locale),
            link: `${baseUrl}/penilaian`,
          },
          scope: {
            competitionId: competition.id,
            organizerInstitutionId: competition.organizer_institution_id,
          },
          now,
        });
    });
  };
}

export const reviewJobHandlers = (baseUrl: string): Record<string, JobHandler> => ({
  [REVIEW_REMINDER_KIND]: reviewReminderHandler(baseUrl),
});
