import type { Db } from '../../../db/connect.js';
import { invalidFields, notFound, t } from '../../../domain/errors.js';
import {
  parseParticipation,
  serializeParticipation,
  validateParticipation,
  type ParticipationRule,
} from '../../../domain/participation.js';
import { recordAudit } from '../../../platform/audit.js';
import { findCompetitionRow } from '../queries.js';

/**
 * The organizer sets who may take part (domain/participation.ts): institution types (null = any) and
 * regions (empty = anywhere); refuses unknown types and malformed region codes field by field (400).
 * Writes the rule and the audit row (before/after) in one transaction. Drafts already started by an
 * institution now outside the rule stay; their send and forward are refused (403 `not_participant`).
 */
export async function setParticipants(
  db: Db,
  input: { id: number; rule: ParticipationRule; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  const problems = validateParticipation(input.rule);
  if (Object.keys(problems).length) throw invalidFields(problems);
  const rule: ParticipationRule = {
    types: input.rule.types ? [...new Set(input.rule.types)] : null,
    regions: [...new Set(input.rule.regions)],
  };
  await db.transaction().execute(async (tx) => {
    const c = await findCompetitionRow(tx, input.id);
    if (!c) throw notFound(t('Kompetisi tidak ditemukan.', 'Competition not found.'));
    const before = parseParticipation(c.participants);
    await tx
      .updateTable('competitions')
      .set({ participants: serializeParticipation(rule), updated_at: input.now.toISOString() })
      .where('id', '=', c.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'competition.participants_changed',
      entityType: 'competition',
      entityId: c.id,
      summary: { before, after: rule },
      scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
      ip: input.ip,
      now: input.now,
    });
  });
}
