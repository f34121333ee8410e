import type { Db } from '../../../db/connect.js';
import type { RegionalRule } from '../../../domain/conflicts.js';
import { recordAudit } from '../../../platform/audit.js';
import type { TeamCompetition } from '../queries.js';
import { teamRecordScope, type TeamActor } from '../steps.js';

/**
 * Sets the competition's regional conflict rule (review_team_settings, migration 0030). It lives outside
 * the competition's definition: it decides who judges, not who takes part, so it may change after the
 * closing without an amendment. Audited as `review_team.regional_rule_set`.
 */
export async function setRegionalRule(
  db: Db,
  input: { competition: TeamCompetition; rule: RegionalRule; actor: TeamActor; ip: string | null; now: Date },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('review_team_settings')
      .select('regional_conflict')
      .where('competition_id', '=', input.competition.id)
      .executeTakeFirst();
    const before = row?.regional_conflict ?? 'none';
    if (before === input.rule) return;
    const now = input.now.toISOString();
    await tx
      .insertInto('review_team_settings')
      .values({
        competition_id: input.competition.id,
        regional_conflict: input.rule,
        updated_by: input.actor.userId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('competition_id').doUpdateSet({
          regional_conflict: input.rule,
          updated_by: input.actor.userId,
          updated_at: now,
        }),
      )
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'review_team.regional_rule_set',
      entityType: 'competition',
      entityId: input.competition.id,
      summary: { before, after: input.rule },
      scope: teamRecordScope(input.competition),
      ip: input.ip,
      now: input.now,
    });
  });
}
