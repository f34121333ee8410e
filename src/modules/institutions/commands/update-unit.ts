import type { Db } from '../../../db/connect.js';
import type { UnitRow } from '../../../db/schema.js';
import { fieldError, t } from '../../../domain/errors.js';
import { cleanName } from '../../../domain/institutions.js';
import { recordAudit } from '../../../platform/audit.js';
import { isUniqueViolation, unitNameTaken, unitNotInInstitution } from '../errors.js';
import {
  findUnit,
  findUnitWithCount,
  unitAncestorIds,
  unitNameExists,
  type UnitWithCount,
} from '../queries.js';

export interface UpdateUnitInput {
  unit: UnitRow;
  changes: { name?: string; kind?: 'pd' | 'upp'; parentUnitId?: number | null };
  actorUserId: number;
  ip: string | null;
  now: Date;
}

interface Editable {
  name: string;
  kind: 'pd' | 'upp';
  parentUnitId: number | null;
}

/**
 * Renames a unit or changes its kind or parent, under the rules of creating one; the parent cannot be the
 * unit itself or one of its descendants (400 `parent_cycle`). Audits the changed fields before and after.
 */
export async function updateUnit(db: Db, input: UpdateUnitInput): Promise<UnitWithCount> {
  const { unit, changes: c } = input;
  const before: Editable = { name: unit.name, kind: unit.kind, parentUnitId: unit.parent_unit_id };
  const after: Editable = {
    name: c.name !== undefined ? cleanName(c.name) : before.name,
    kind: c.kind ?? before.kind,
    parentUnitId: c.parentUnitId !== undefined ? c.parentUnitId : before.parentUnitId,
  };
  const changed = (Object.keys(after) as (keyof Editable)[]).filter((k) => after[k] !== before[k]);
  try {
    return await db.transaction().execute(async (tx) => {
      if (changed.length === 0) return (await findUnitWithCount(tx, unit.id))!;
      if (changed.includes('name') && (await unitNameExists(tx, unit.institution_id, after.name, unit.id)))
        throw unitNameTaken();
      if (changed.includes('parentUnitId') && after.parentUnitId !== null) {
        const parent = await findUnit(tx, after.parentUnitId);
        if (!parent || parent.institution_id !== unit.institution_id)
          throw unitNotInInstitution('parentUnitId');
        if (parent.id === unit.id || (await unitAncestorIds(tx, parent.id)).includes(unit.id))
          throw fieldError(
            'parentUnitId',
            'parent_cycle',
            t(
              'Unit tidak dapat menjadi induk dirinya sendiri atau induk dari induknya.',
              'A unit cannot be its own parent or the parent of its own parent.',
            ),
          );
      }
      await tx
        .updateTable('units')
        .set({
          name: after.name,
          kind: after.kind,
          parent_unit_id: after.parentUnitId,
          updated_at: input.now.toISOString(),
        })
        .where('id', '=', unit.id)
        .execute();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'unit.updated',
        entityType: 'unit',
        entityId: unit.id,
        summary: {
          institutionId: unit.institution_id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
        scope: { institutionId: unit.institution_id, referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return (await findUnitWithCount(tx, unit.id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw unitNameTaken();
    throw err;
  }
}
