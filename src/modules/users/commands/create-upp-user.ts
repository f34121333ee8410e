import type { Db } from '../../../db/connect.js';
import type { UserRow } from '../../../db/schema.js';
import { fieldError, t } from '../../../domain/errors.js';
import { recordAudit } from '../../../platform/audit.js';
import { sendInvitation } from '../invitation.js';
import { createAccount, emailTaken } from './create-account.js';

export interface CreateUppUserInput {
  institution: { id: number; name: string };
  unitId: number;
  email: string;
  name: string;
  position?: string | null;
  phone?: string | null;
  locale?: 'id' | 'en';
  createdBy: { userId: number; name: string };
  baseUrl: string;
  ip: string | null;
  now: Date;
}

const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * Creates a proposer (UPP) account of one unit of the institution, with no password: the person gets an
 * `account_created` mail with a set-password link and completes the profile at first login. The user,
 * its grant, the link, the mail and the audit row commit together. Refuses a unit of another institution
 * (400 `unit_not_in_institution`, field unitId) and an e-mail already registered (409 `email_taken`).
 */
export async function createUppUser(
  db: Db,
  input: CreateUppUserInput,
): Promise<{ user: UserRow; unit: { id: number; name: string } }> {
  try {
    return await db.transaction().execute(async (tx) => {
      const unit = await tx
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', '=', input.unitId)
        .where('institution_id', '=', input.institution.id)
        .executeTakeFirst();
      if (!unit)
        throw fieldError(
          'unitId',
          'unit_not_in_institution',
          t('Unit ini bukan bagian dari instansi ini.', 'This unit does not belong to this institution.'),
        );
      const user = await createAccount(tx, {
        email: input.email,
        name: input.name,
        role: 'upp',
        institutionId: input.institution.id,
        unitId: unit.id,
        position: input.position ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? 'id',
        password: null,
        mustCompleteProfile: true,
        createdBy: input.createdBy.userId,
        now: input.now,
      });
      await sendInvitation(tx, {
        user,
        role: 'upp',
        scope: `${unit.name}, ${input.institution.name}`,
        institutionId: input.institution.id,
        createdByName: input.createdBy.name,
        baseUrl: input.baseUrl,
        now: input.now,
      });
      await recordAudit(tx, {
        actorUserId: input.createdBy.userId,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        summary: {
          after: {
            email: user.email,
            name: user.name,
            role: 'upp',
            institutionId: input.institution.id,
            unitId: unit.id,
            position: user.position,
            phone: user.phone,
          },
        },
        ip: input.ip,
        now: input.now,
      });
      return { user, unit };
    });
  } catch (err) {
    // Two requests for the same address at once: the unique index refuses the second.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
