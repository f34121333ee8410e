import { z } from 'zod';
import { emailSchema, localeSchema, roleSchema } from './auth.js';

/*
 * The system administrator's users and roles ("Pengguna & Peran"): every account of the installation,
 * its role grants with their scope, creation with an e-mailed invitation, grant, revoke, deactivate.
 * Custom messages are written "Bahasa Indonesia|English".
 */

/**
 * One line of text as people mean it: NFC, without control characters, bidi overrides and zero-width
 * characters (PostgreSQL refuses NUL, and the others only serve to disguise a name).
 */
const oneLine = (v: unknown) =>
  typeof v === 'string'
    ? v
        .normalize('NFC')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    : v;
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
/** A scope id: absent, null or empty means none. */
const scopeId = z.preprocess(blankToNull, idNumber.nullable()).optional();

export const adminUserListQuery = z.object({
  /** Every word must occur in the name, the e-mail or the name of an institution or unit of a grant. */
  q: z.preprocess((v) => blankToUndefined(oneLine(v)), z.string().trim().max(200).optional()),
  role: z.preprocess(blankToUndefined, roleSchema.optional()),
  status: z.preprocess(blankToUndefined, z.enum(['active', 'inactive']).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(25)),
});
export type AdminUserListQuery = z.infer<typeof adminUserListQuery>;

export const adminUserParams = z.object({ id: idNumber });
export const adminGrantParams = z.object({ id: idNumber, grantId: idNumber });

const named = z.object({ id: z.number(), name: z.string() }).nullable();

export const adminGrantSchema = z.object({
  id: z.number(),
  role: roleSchema,
  institution: named,
  unit: named,
  competition: named,
  grantedAt: z.string(),
  grantedBy: named,
  abilities: z.object({
    /** False for the last active System Administrator role of the installation. */
    revoke: z.boolean(),
  }),
});
export type AdminGrant = z.infer<typeof adminGrantSchema>;

export const adminUserSummarySchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** No password set yet: the invitation link has not been used. */
  invitationPending: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** When the person's personal data was erased (UU PDP): the row is a tombstone, never reactivated. */
  erasedAt: z.string().nullable(),
  grants: z.array(adminGrantSchema.omit({ abilities: true, grantedBy: true, grantedAt: true })),
});
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;

export const adminUserListResponse = z.object({
  items: z.array(adminUserSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ create: z.boolean() }),
});
export type AdminUserListResponse = z.infer<typeof adminUserListResponse>;

export const adminUserDetailResponse = z.object({
  user: adminUserSummarySchema.omit({ grants: true }).extend({
    position: z.string().nullable(),
    phone: z.string().nullable(),
    locale: localeSchema,
    mustCompleteProfile: z.boolean(),
  }),
  grants: z.array(adminGrantSchema),
  abilities: z.object({
    grant: z.boolean(),
    /** False for oneself and for the last active System Administrator. */
    deactivate: z.boolean(),
    reactivate: z.boolean(),
    /** An active account that has not set a password yet: a new link may be mailed. */
    resendInvitation: z.boolean(),
    /** Erase the person's personal data: false for oneself, the last active System Administrator, an erased row. */
    erase: z.boolean(),
  }),
});
export type AdminUserDetail = z.infer<typeof adminUserDetailResponse>;

export const grantRoleBody = z.object({
  role: roleSchema,
  institutionId: scopeId,
  unitId: scopeId,
  competitionId: scopeId,
});
export type GrantRoleBody = z.infer<typeof grantRoleBody>;

export const createAdminUserBody = grantRoleBody.extend({
  email: emailSchema,
  name: z.preprocess(
    oneLine,
    z
      .string('Nama wajib diisi.|Name is required.')
      .trim()
      .min(1, 'Nama wajib diisi.|Name is required.')
      .max(255),
  ),
  /** The language of the invitation e-mail and of the account (default Bahasa Indonesia). */
  locale: localeSchema.optional(),
});
export type CreateAdminUserBody = z.infer<typeof createAdminUserBody>;
