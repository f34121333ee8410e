import type { Db } from '../../../db/connect.js';
import { conflict, fieldError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { uppAccountOf, type LocalAdminActor } from '../steps.js';

export interface MoveUppInput {
  institutionId: number;
  userId: number;
  unitId: number;
  actor: LocalAdminActor;
  ip: string | null;
  now: Date;
}

/**
 * The admin lokal moves a proposer (UPP) account to another unit of the institution. Proposals stay with
 * the unit that made them (the unit is the proposer's scope): from now on the person works on the new
 * unit's proposals and no longer sees the old unit's. Refuses a unit of another institution (400
 * `unit_not_in_institution`, field unitId) and the unit it is already in (409 `already_in_unit`). Audited
 * with the units before and after.
 */
export async function moveUpp(db: Db, input: MoveUppInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { user, grant } = await uppAccountOf(tx, input.institutionId, input.userId);
    const unit = await tx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('id', '=', input.unitId)
      .where('institution_id', '=', input.institutionId)
      .executeTakeFirst();
    if (!unit)
      throw fieldError(
        'unitId',
        'unit_not_in_institution',
        t('Unit ini bukan bagian dari instansi ini.', 'This unit does not belong to this institution.'),
      );
    if (unit.id === grant.unit_id)
      throw conflict(
        'already_in_unit',
        t('Pengguna ini sudah berada di unit tersebut.', 'This person is already in that unit.'),
      );
    await tx
      .updateTable('role_grants')
      .set({ unit_id: unit.id, institution_id: input.institutionId })
      .where('id', '=', grant.id)
      .execute();
    await tx
      .updateTable('users')
      .set({ updated_at: input.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      action: 'user.unit_changed',
      entityType: 'user',
      entityId: user.id,
      summary: {
        actor: { id: input.actor.userId, name: input.actor.name },
        target: { id: user.id, email: user.email, name: user.name },
        before: { unitId: grant.unit_id },
        after: { unitId: unit.id, unitName: unit.name },
      },
      scope: { institutionId: input.institutionId },
      ip: input.ip,
      now: input.now,
    });
  });
}
