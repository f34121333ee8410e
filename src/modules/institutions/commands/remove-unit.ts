import type { Db } from '../../../db/connect.js';
import type { UnitRow } from '../../../db/schema.js';
import { AppError } from '../../../domain/errors.js';
import { unitRemovalRefusal } from '../../../domain/unit-removal.js';
import { recordAudit } from '../../../platform/audit.js';

export interface RemoveUnitInput {
  unit: UnitRow;
  actorUserId: number;
  ip: string | null;
  now: Date;
}

const count = async (tx: Db, table: 'proposals' | 'role_grants', unitId: number) =>
  Number(
    (
      await tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('unit_id', '=', unitId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Removes a unit nothing hangs on. Refuses (409 `unit_in_use`, with the counts as `holdings`) a unit that
 * has proposals, people (active or not) or sub-units, saying what to do instead. Audited with its name.
 */
export async function removeUnit(db: Db, input: RemoveUnitInput): Promise<void> {
  const { unit } = input;
  await db.transaction().execute(async (tx) => {
    const subunits = Number(
      (
        await tx
          .selectFrom('units')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('parent_unit_id', '=', unit.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const holdings = {
      proposals: await count(tx, 'proposals', unit.id),
      users: await count(tx, 'role_grants', unit.id),
      subunits,
    };
    const refusal = unitRemovalRefusal(holdings);
    if (refusal) throw new AppError(409, 'unit_in_use', refusal, {}, { holdings });
    await tx.deleteFrom('units').where('id', '=', unit.id).execute();
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'unit.removed',
      entityType: 'unit',
      entityId: unit.id,
      summary: {
        before: {
          institutionId: unit.institution_id,
          name: unit.name,
          kind: unit.kind,
          parentUnitId: unit.parent_unit_id,
        },
      },
      scope: { institutionId: unit.institution_id, referenceData: true },
      ip: input.ip,
      now: input.now,
    });
  });
}
