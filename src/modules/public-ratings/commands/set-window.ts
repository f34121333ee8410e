import type { Db } from '../../../db/connect.js';
import { checkWindowSetting, type RatingWindow } from '../../../domain/public-ratings.js';
import { recordAudit } from '../../../platform/audit.js';
import type { RatingCompetition } from '../queries.js';

/**
 * The organizer sets the public-rating window (on/off, opens, closes), kept with the competition's
 * `presentation` stage (the public rates while the panel hears the finalists). Audited with before/after.
 */
export async function setRatingWindow(
  db: Db,
  input: {
    competition: RatingCompetition;
    window: RatingWindow;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  const w = input.window;
  const bad = checkWindowSetting(w);
  if (bad) throw bad;
  const { competition: c, now } = input;
  const opensAt = w.opensAt ? new Date(w.opensAt).toISOString() : null;
  const closesAt = w.closesAt ? new Date(w.closesAt).toISOString() : null;
  await db.transaction().execute(async (tx) => {
    const stage = await tx
      .selectFrom('stages')
      .select('id')
      .where('competition_id', '=', c.id)
      .where('kind', '=', 'presentation')
      .orderBy('position')
      .executeTakeFirst();
    const values = {
      stage_id: stage?.id ?? null,
      enabled: w.enabled ? 1 : 0,
      opens_at: opensAt,
      closes_at: closesAt,
      updated_by: input.actorUserId,
      updated_at: now.toISOString(),
    };
    await tx
      .insertInto('public_rating_windows')
      .values({ competition_id: c.id, ...values })
      .onConflict((oc) => oc.column('competition_id').doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'public_rating.window_set',
      entityType: 'competition',
      entityId: c.id,
      summary: { before: c.window, after: { enabled: w.enabled, opensAt, closesAt } },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizerInstitutionId },
      ip: input.ip,
      now,
    });
  });
}
