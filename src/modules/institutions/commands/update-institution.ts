import type { Db } from '../../../db/connect.js';
import type { InstitutionType } from '../../../db/schema.js';
import { fieldError, notFound, t } from '../../../domain/errors.js';
import { cleanName } from '../../../domain/institutions.js';
import { recordAudit } from '../../../platform/audit.js';
import { institutionNameTaken, isUniqueViolation, parentNotFound, regionCodeTaken } from '../errors.js';
import {
  ancestorIds,
  findInstitution,
  institutionNameExists,
  regionCodeTakenBy,
  type InstitutionWithParent,
} from '../queries.js';

export interface UpdateInstitutionInput {
  id: number;
  /** Only the fields present change; null clears an optional field. */
  changes: {
    type?: InstitutionType;
    name?: string;
    shortName?: string | null;
    regionCode?: string | null;
    parentId?: number | null;
  };
  actorUserId: number;
  ip: string | null;
  now: Date;
}

interface Editable {
  type: InstitutionType;
  name: string;
  shortName: string | null;
  regionCode: string | null;
  parentId: number | null;
}

/**
 * Edits an institution under the same rules as creating one, plus: the parent cannot be the institution
 * itself or one of its descendants (400 `parent_cycle`). Audits only the fields that changed, before and
 * after; a request that changes nothing writes nothing.
 */
export async function updateInstitution(
  db: Db,
  input: UpdateInstitutionInput,
): Promise<InstitutionWithParent> {
  const c = input.changes;
  const newName = c.name !== undefined ? cleanName(c.name) : null;
  try {
    return await db.transaction().execute(async (tx) => {
      const current = await findInstitution(tx, input.id);
      if (!current) throw notFound(t('Instansi tidak ditemukan.', 'Institution not found.'));
      const before: Editable = {
        type: current.type,
        name: current.name,
        shortName: current.short_name,
        regionCode: current.region_code,
        parentId: current.parent_id,
      };
      const after: Editable = {
        type: c.type ?? before.type,
        name: newName ?? before.name,
        shortName:
          c.shortName !== undefined ? (c.shortName ? cleanName(c.shortName) : null) : before.shortName,
        regionCode: c.regionCode !== undefined ? c.regionCode || null : before.regionCode,
        parentId: c.parentId !== undefined ? c.parentId : before.parentId,
      };
      const changed = (Object.keys(after) as (keyof Editable)[]).filter((k) => after[k] !== before[k]);
      if (changed.length === 0) return current;

      if (changed.includes('name') && (await institutionNameExists(tx, after.name, input.id)))
        throw institutionNameTaken();
      if (
        after.regionCode &&
        (changed.includes('type') || changed.includes('regionCode')) &&
        (await regionCodeTakenBy(tx, after.type, after.regionCode, input.id))
      )
        throw regionCodeTaken();
      if (changed.includes('parentId') && after.parentId !== null) {
        if (!(await findInstitution(tx, after.parentId))) throw parentNotFound();
        if (after.parentId === input.id || (await ancestorIds(tx, after.parentId)).includes(input.id))
          throw fieldError(
            'parentId',
            'parent_cycle',
            t(
              'Instansi tidak dapat menjadi induk dirinya sendiri atau induk dari induknya.',
              'An institution cannot be its own parent or the parent of its own parent.',
            ),
          );
      }

      await tx
        .updateTable('institutions')
        .set({
          type: after.type,
          name: after.name,
          short_name: after.shortName,
          region_code: after.regionCode,
          parent_id: after.parentId,
          updated_at: input.now.toISOString(),
        })
        .where('id', '=', input.id)
        .execute();
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: 'institution.updated',
        entityType: 'institution',
        entityId: input.id,
        summary: {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
        scope: { referenceData: true },
        ip: input.ip,
        now: input.now,
      });
      return (await findInstitution(tx, input.id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw newName && (await institutionNameExists(db, newName, input.id))
        ? institutionNameTaken()
        : regionCodeTaken();
    throw err;
  }
}
