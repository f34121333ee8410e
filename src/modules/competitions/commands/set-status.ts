import type { Db } from '../../../db/connect.js';
import { mayUnpublish, proposalCountsOf } from '../../../domain/competition-changes.js';
import { validateCompetitionDefinition } from '../../../domain/competition-rules.js';
import { conflict, invalidFields, notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { scheduleSubmissionJobs } from '../submission-jobs.js';
import { toDefinition } from '../definition-rows.js';
import { loadCompetitionFull, proposalStateCounts } from '../queries.js';

/**
 * Publishes a draft (after checking its definition again: 400 with the field problems) or takes a
 * published competition back to draft, with its audit row, in one transaction. Refuses a competition
 * that is not in the expected status with 409, and unpublishing one that holds proposals with 409
 * `competition_has_proposals` (the counts in the message).
 */
export async function setCompetitionStatus(
  db: Db,
  input: { id: number; to: 'published' | 'draft'; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  const from = input.to === 'published' ? 'draft' : 'published';
  await db.transaction().execute(async (tx) => {
    const full = await loadCompetitionFull(tx, input.id);
    if (!full) throw notFound();
    if (full.competition.status !== from)
      throw input.to === 'published'
        ? conflict(
            'competition_not_draft',
            t(
              'Hanya kompetisi berstatus draf yang dapat diterbitkan.',
              'Only a draft competition can be published.',
            ),
          )
        : conflict(
            'competition_not_published',
            t('Kompetisi ini belum diterbitkan.', 'This competition is not published.'),
          );
    if (input.to === 'published') {
      const problems = validateCompetitionDefinition(toDefinition(full));
      if (Object.keys(problems).length) throw invalidFields(problems);
    } else {
      // Unpublishing would take every unit's work on it out of their lists: refused once a proposal exists.
      const decision = mayUnpublish(proposalCountsOf((await proposalStateCounts(tx, input.id)).byState));
      if (!decision.allowed) throw conflict('competition_has_proposals', decision.reason);
    }
    const res = await tx
      .updateTable('competitions')
      .set({ status: input.to, updated_at: input.now.toISOString() })
      .where('id', '=', input.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict(
        'competition_changed',
        t('Kompetisi baru saja diubah; muat ulang.', 'The competition just changed; reload it.'),
      );
    if (input.to === 'published') await scheduleSubmissionJobs(tx, input.id, input.now);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: input.to === 'published' ? 'competition.published' : 'competition.unpublished',
      entityType: 'competition',
      entityId: input.id,
      summary: { before: { status: from }, after: { status: input.to } },
      scope: {
        competitionId: input.id,
        organizerInstitutionId: full.competition.organizer_institution_id,
      },
      ip: input.ip,
      now: input.now,
    });
  });
}
