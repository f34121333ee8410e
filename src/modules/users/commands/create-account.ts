import type { Db } from '../../../db/connect.js';
import type { Role, UserRow } from '../../../db/schema.js';
import { conflict, t } from '../../../domain/errors.js';
import { hashPassword } from '../../../platform/passwords.js';
import { normalizeEmail } from '../../../domain/email.js';

export interface CreateAccountInput {
  email: string;
  name: string;
  role: Role;
  institutionId?: number | null;
  unitId?: number | null;
  competitionId?: number | null;
  position?: string | null;
  phone?: string | null;
  locale?: 'id' | 'en';
  /** When given the account is ready to use; otherwise the person sets it through an e-mailed link. */
  password?: string | null;
  /** Accounts made by someone else complete their profile at first login (as SINOVIK does). */
  mustCompleteProfile: boolean;
  createdBy: number | null;
  now: Date;
}

/**
 * Creates a user with one role grant. Refuses a duplicate e-mail with 409 `email_taken`.
 * The caller writes the audit row and any mail in the same transaction.
 */
export async function createAccount(tx: Db, input: CreateAccountInput): Promise<UserRow> {
  const email = normalizeEmail(input.email);
  const existing = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw emailTaken();
  const now = input.now.toISOString();
  const user = await tx
    .insertInto('users')
    .values({
      email,
      name: input.name.trim(),
      position: input.position ?? null,
      phone: input.phone ?? null,
      password_hash: input.password ? await hashPassword(input.password) : null,
      locale: input.locale ?? 'id',
      must_complete_profile: input.mustCompleteProfile ? 1 : 0,
      is_active: 1,
      created_at: now,
      updated_at: now,
      last_login_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('role_grants')
    .values({
      user_id: user.id,
      role: input.role,
      institution_id: input.institutionId ?? null,
      unit_id: input.unitId ?? null,
      competition_id: input.competitionId ?? null,
      granted_by: input.createdBy,
      created_at: now,
    })
    .execute();
  return user;
}

export const emailTaken = () =>
  conflict(
    'email_taken',
    t('Alamat e-mail ini sudah terdaftar.', 'This e-mail address is already registered.'),
    {
      email: {
        code: 'email_taken',
        message: t('Alamat e-mail ini sudah terdaftar.', 'This e-mail address is already registered.'),
      },
    },
  );
