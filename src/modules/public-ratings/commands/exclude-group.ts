import type { Db } from '../../../db/connect.js';
import { conflict, t } from '../../../domain/errors.js';
import { detectAnomalies } from '../../../domain/public-ratings-anomalies.js';
import { recordAudit } from '../../../platform/audit.js';
import { ratingFacts, type RatingCompetition } from '../queries.js';
import { publicRatingsFor } from '../summary.js';

/**
 * The secretariat excludes a flagged group from the shown mean: the group is found again by its key in
 * the report as it stands (409 when it is no longer flagged, or all its ratings are already excluded);
 * its ratings not yet excluded are marked (the rows stay); the audit row names the group, the reason, the
 * counts and each touched finalist's mean before and after.
 */
export async function excludeGroup(
  db: Db,
  input: {
    competition: RatingCompetition;
    groupKey: string;
    reason: string;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<{ exclusionId: number; ratings: number }> {
  const { competition: c, now } = input;
  return db.transaction().execute(async (tx) => {
    const facts = await ratingFacts(tx, c.id);
    const group = detectAnomalies(facts).find((g) => g.key === input.groupKey);
    if (!group)
      throw conflict(
        'anomaly_group_not_found',
        t(
          'Kelompok ini tidak lagi ditandai (penilaian berubah). Muat ulang laporan.',
          'This group is no longer flagged (the ratings changed). Reload the report.',
        ),
      );
    const byId = new Map(facts.map((f) => [f.id, f]));
    const ids = group.ratingIds.filter((id) => !byId.get(id)!.excluded);
    if (ids.length === 0)
      throw conflict(
        'anomaly_group_excluded',
        t(
          'Semua penilaian kelompok ini sudah dikecualikan.',
          "All of this group's ratings are already excluded.",
        ),
      );
    const before = await publicRatingsFor(tx, c.id);
    const row = await tx
      .insertInto('public_rating_exclusions')
      .values({
        competition_id: c.id,
        group_key: group.key,
        kind: group.kind,
        reason: input.reason,
        rating_count: ids.length,
        excluded_by: input.actorUserId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < ids.length; i += 500)
      await tx
        .updateTable('public_ratings')
        .set({ exclusion_id: row.id })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('exclusion_id', 'is', null)
        .execute();
    const after = await publicRatingsFor(tx, c.id);
    const touched = [...new Set(ids.map((id) => byId.get(id)!.proposalId))].sort((a, b) => a - b);
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'public_rating.group_excluded',
      entityType: 'public_rating_exclusion',
      entityId: row.id,
      summary: {
        groupKey: group.key,
        kind: group.kind,
        reason: input.reason,
        ratings: ids.length,
        voters: group.voters,
        finalists: touched.map((pid) => ({
          proposalId: pid,
          meanBefore: before.get(pid)?.mean ?? null,
          meanAfter: after.get(pid)?.mean ?? null,
          countAfter: after.get(pid)?.count ?? 0,
        })),
      },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      ip: input.ip,
      now,
    });
    return { exclusionId: row.id, ratings: ids.length };
  });
}
