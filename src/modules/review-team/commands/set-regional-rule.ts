import type { Db } from '../../../db/connect.js';
import type { RegionalRule } from '../../../domain/conflicts.js';
import { recordAudit } from '../../../platform/audit.js';
import type { TeamCompetition } from '../queries.js';
import { teamRecordScope, type TeamActor } from '../steps.js';

/**
 * Sets the competition's regional conflict rule (`regionalConflict` in its settings) without touching the
 * rest of the definition: it may change after the closing, when the definition itself is settled, since
 * it decides who judges, not who takes part. Audited as `review_team.regional_rule_set`.
 */
export async function setRegionalRule(
  db: Db,
  input: { competition: TeamCompetition; rule: RegionalRule; actor: TeamActor; ip: string | null; now: Date },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('competitions')
      .select('settings')
      .where('id', '=', input.competition.id)
      .executeTakeFirstOrThrow();
    let raw: Record<string, unknown> = {};
    try {
      const v = JSON.parse(row.settings) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) raw = v as Record<string, unknown>;
    } catch {
      raw = {};
    }
    const before = raw.regionalConflict ?? 'none';
    if (before === input.rule) return;
    await tx
      .updateTable('competitions')
      .set({ settings: JSON.stringify({ ...raw, regionalConflict: input.rule }) })
      .where('id', '=', input.competition.id)
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
