import type { Db } from '../../../db/connect.js';
import type { AwardLevel } from '../../../db/schema.js';
import { cleanText } from '../../../domain/awards.js';
import { recordAudit } from '../../../platform/audit.js';
import { awardExists, institutionNotFound, isUniqueViolation } from '../errors.js';
import {
  awardIdentityExists,
  findAward,
  institutionExists,
  matchInstitutionByName,
  type AwardWithInstitution,
} from '../queries.js';

export interface CreateAwardInput {
  year: number;
  level: AwardLevel;
  innovationTitle: string;
  institutionName?: string | null;
  /** Omitted: matched from the name when it is clear; null: no link. */
  institutionId?: number | null;
  sourceUrl?: string | null;
  notes?: string | null;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

/**
 * Records one award with its audit row. Refuses an award already recorded (409 `award_exists`: same year,
 * level, title regardless of case and institution name) and an unknown institution id (400).
 */
export async function createAward(db: Db, input: CreateAwardInput): Promise<AwardWithInstitution> {
  const identity = {
    year: input.year,
    level: input.level,
    innovationTitle: cleanText(input.innovationTitle),
    institutionName: cleanText(input.institutionName ?? ''),
  };
  try {
    return await db.transaction().execute(async (tx) => {
      if (await awardIdentityExists(tx, identity)) throw awardExists();
      let institutionId: number | null;
      if (input.institutionId === undefined)
        institutionId = await matchInstitutionByName(tx, identity.institutionName);
      else {
        institutionId = input.institutionId;
        if (institutionId !== null && !(await institutionExists(tx, institutionId)))
          throw institutionNotFound();
      }
      const now = input.now.toISOString();
      const row = await tx
        .insertInto('awards')
        .values({
          year: identity.year,
          level: identity.level,
          innovation_title: identity.innovationTitle,
          institution_name: identity.institutionName,
          institution_id: institutionId,
          source_url: input.sourceUrl ?? null,
          notes: input.notes ?? null,
          created_at: now,
          created_by: input.actorUserId,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'award.created',
        entityType: 'award',
        entityId: row.id,
        summary: {
          after: {
            ...identity,
            institutionId,
            sourceUrl: input.sourceUrl ?? null,
            notes: input.notes ?? null,
          },
        },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return (await findAward(tx, row.id))!;
    });
  } catch (err) {
    // A concurrent request stored the same award between the check and the insert.
    if (isUniqueViolation(err)) throw awardExists();
    throw err;
  }
}
