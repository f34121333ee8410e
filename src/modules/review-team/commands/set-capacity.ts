import type { Db } from '../../../db/connect.js';
import type { ReviewTeam } from '../../../db/schema.js';
import { notFound, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import type { TeamCompetition } from '../queries.js';
import { teamRecordScope, type TeamActor } from '../steps.js';

/** The secretariat sets a member's capacity (most proposals per stage; null: no limit of their own). */
export async function setCapacity(
  db: Db,
  input: {
    competition: TeamCompetition;
    team: ReviewTeam;
    userId: number;
    capacity: number | null;
    actor: TeamActor;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('reviewer_profiles')
      .select(['id', 'capacity'])
      .where('competition_id', '=', input.competition.id)
      .where('user_id', '=', input.userId)
      .where('team', '=', input.team)
      .executeTakeFirst();
    if (!before) throw notFound(t('Anggota tim tidak ditemukan.', 'Team member not found.'));
    if (before.capacity === input.capacity) return;
    await tx
      .updateTable('reviewer_profiles')
      .set({ capacity: input.capacity, updated_at: input.now.toISOString() })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'review_team.capacity_set',
      entityType: 'user',
      entityId: input.userId,
      summary: {
        competitionId: input.competition.id,
        team: input.team,
        before: before.capacity,
        after: input.capacity,
      },
      scope: teamRecordScope(input.competition),
      ip: input.ip,
      now: input.now,
    });
  });
}
