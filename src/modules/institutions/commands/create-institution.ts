import type { Db } from '../../../db/connect.js';
import type { InstitutionType } from '../../../db/schema.js';
import { cleanName } from '../../../domain/institutions.js';
import { recordAudit } from '../../../platform/audit.js';
import { institutionNameTaken, isUniqueViolation, parentNotFound, regionCodeTaken } from '../errors.js';
import {
  findInstitution,
  institutionNameExists,
  regionCodeTakenBy,
  type InstitutionWithParent,
} from '../queries.js';

export interface CreateInstitutionInput {
  type: InstitutionType;
  name: string;
  shortName?: string | null;
  regionCode?: string | null;
  parentId?: number | null;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

/**
 * Adds one institution with its audit row. Refuses a name already used (409 `institution_name_taken`,
 * case and spacing ignored), a (type, region code) already used (409 `region_code_taken`) and an unknown
 * parent (400 `parent_not_found`).
 */
export async function createInstitution(
  db: Db,
  input: CreateInstitutionInput,
): Promise<InstitutionWithParent> {
  const name = cleanName(input.name);
  const shortName = input.shortName ? cleanName(input.shortName) : null;
  const regionCode = input.regionCode || null;
  const parentId = input.parentId ?? null;
  try {
    return await db.transaction().execute(async (tx) => {
      if (await institutionNameExists(tx, name)) throw institutionNameTaken();
      if (regionCode && (await regionCodeTakenBy(tx, input.type, regionCode))) throw regionCodeTaken();
      if (parentId !== null && !(await findInstitution(tx, parentId))) throw parentNotFound();
      const now = input.now.toISOString();
      const row = await tx
        .insertInto('institutions')
        .values({
          type: input.type,
          name,
          short_name: shortName,
          region_code: regionCode,
          parent_id: parentId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'institution.created',
        entityType: 'institution',
        entityId: row.id,
        summary: { after: { type: input.type, name, shortName, regionCode, parentId } },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return (await findInstitution(tx, row.id))!;
    });
  } catch (err) {
    // A concurrent request stored the same name or code between the check and the insert.
    if (isUniqueViolation(err))
      throw (await institutionNameExists(db, name)) ? institutionNameTaken() : regionCodeTaken();
    throw err;
  }
}
