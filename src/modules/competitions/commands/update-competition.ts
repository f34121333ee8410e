import type { Db } from '../../../db/connect.js';
import type { CompetitionDefinition } from '../../../domain/competition-template.js';
import {
  diffDefinitions,
  normalizeDefinition,
  validateCompetitionDefinition,
} from '../../../domain/competition-rules.js';
import { invalidFields, notFound } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { scheduleSubmissionJobs } from '../../deadlines/jobs.js';
import { competitionExists, isUniqueViolation, writeDefinitionRows } from '../definition-rows.js';
import { toDefinition } from '../present.js';
import { findClash, loadCompetitionFull } from '../queries.js';

/**
 * Replaces a competition's definition in one transaction: validates it (400 with every field problem),
 * upserts categories, groups, sections and stages by key so kept rows keep their ids, deletes the rows
 * whose key is gone, and audits a before/after summary of what changed.
 */
export async function updateCompetition(
  db: Db,
  input: { id: number; definition: CompetitionDefinition; actorUserId: number; ip: string | null; now: Date },
): Promise<void> {
  const def = normalizeDefinition(input.definition);
  const problems = validateCompetitionDefinition(def);
  if (Object.keys(problems).length) throw invalidFields(problems);
  try {
    await db.transaction().execute(async (tx) => {
      const existing = await loadCompetitionFull(tx, input.id);
      if (!existing) throw notFound();
      const c = existing.competition;
      if (
        (def.code !== c.code || def.year !== c.year) &&
        (await findClash(tx, {
          organizerInstitutionId: c.organizer_institution_id,
          code: def.code,
          year: def.year,
          exceptId: c.id,
        }))
      )
        throw competitionExists('code');
      await tx
        .updateTable('competitions')
        .set({
          code: def.code,
          name: def.name,
          year: def.year,
          theme: def.theme,
          description: def.description,
          time_zone: def.timeZone,
          settings: JSON.stringify(def.settings),
          updated_at: input.now.toISOString(),
        })
        .where('id', '=', c.id)
        .execute();
      await writeDefinitionRows(tx, c.id, def);
      await scheduleSubmissionJobs(tx, c.id, input.now);
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'competition.updated',
        entityType: 'competition',
        entityId: c.id,
        summary: { ...diffDefinitions(toDefinition(existing), def) },
        scope: { competitionId: c.id, organizerInstitutionId: c.organizer_institution_id },
        ip: input.ip,
        now: input.now,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw competitionExists('code');
    throw err;
  }
}
