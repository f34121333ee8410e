import type { Db } from '../../db/connect.js';
import { recordAudit } from '../../platform/audit.js';
import type { PresentationContext } from './queries.js';

/** The audit row of a change of the presentation schedule, scoped to the competition. */
export async function auditPresentation(
  tx: Db,
  ctx: PresentationContext,
  input: {
    action: string;
    entityType: string;
    entityId: number | null;
    summary: Record<string, unknown>;
    actorUserId: number;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  const c = ctx.competition;
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    summary: { competitionId: c.id, ...input.summary },
    scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
    ip: input.ip,
    now: input.now,
  });
}
