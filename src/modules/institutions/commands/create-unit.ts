import type { Db } from '../../../db/connect.js';
import { cleanName } from '../../../domain/institutions.js';
import { recordAudit } from '../../../platform/audit.js';
import { isUniqueViolation, unitNameTaken, unitNotInInstitution } from '../errors.js';
import { findUnit, findUnitWithCount, unitNameExists, type UnitWithCount } from '../queries.js';

export interface CreateUnitInput {
  institutionId: number;
  name: string;
  kind: 'pd' | 'upp';
  parentUnitId?: number | null;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

/**
 * Adds a unit (PD or UPP) to an institution with its audit row. Refuses a name the institution already
 * uses (409 `unit_name_taken`) and a parent unit of another institution (400 `unit_not_in_institution`).
 */
export async function createUnit(db: Db, input: CreateUnitInput): Promise<UnitWithCount> {
  const name = cleanName(input.name);
  const parentUnitId = input.parentUnitId ?? null;
  try {
    return await db.transaction().execute(async (tx) => {
      if (parentUnitId !== null) {
        const parent = await findUnit(tx, parentUnitId);
        if (!parent || parent.institution_id !== input.institutionId)
          throw unitNotInInstitution('parentUnitId');
      }
      if (await unitNameExists(tx, input.institutionId, name)) throw unitNameTaken();
      const now = input.now.toISOString();
      const row = await tx
        .insertInto('units')
        .values({
          institution_id: input.institutionId,
          name,
          kind: input.kind,
          parent_unit_id: parentUnitId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'unit.created',
        entityType: 'unit',
        entityId: row.id,
        summary: { after: { institutionId: input.institutionId, name, kind: input.kind, parentUnitId } },
        scope: { institutionId: input.institutionId, referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return (await findUnitWithCount(tx, row.id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw unitNameTaken();
    throw err;
  }
}
