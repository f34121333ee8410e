import { z } from 'zod';
import { cleanText } from './text.js';
import { emailSchema, localeSchema, roleSchema } from './auth.js';
import { optionalPhoneSchema } from './phone.js';

/*
 * The people of one institution (its admin lokal and the proposer accounts of its units) as the admin
 * lokal manages them. Custom messages are written "Bahasa Indonesia|English".
 */

export type RoleName = z.infer<typeof roleSchema>;

/** How each role is named to people, in both languages (mails, lists). */
export const ROLE_LABELS: Record<RoleName, { id: string; en: string }> = {
  upp: { id: 'Pengusul / UPP', en: 'Proposer (UPP)' },
  local_admin: { id: 'Admin Lokal', en: 'Local Admin' },
  secretariat: { id: 'Sekretariat', en: 'Secretariat' },
  evaluator: { id: 'Tim Evaluasi', en: 'Evaluation Team' },
  panelist: { id: 'Tim Panel Independen', en: 'Independent Panel' },
  data_steward: { id: 'Pengelola Data Referensi', en: 'Reference Data Steward' },
  system_admin: { id: 'Administrator Sistem', en: 'System Administrator' },
};

export const userIdParams = z.object({
  id: z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647),
});

export const institutionUserSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(['local_admin', 'upp']),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  mustCompleteProfile: z.boolean(),
  /** No password set yet: the invitation link has not been used (it can be sent again). */
  invitationPending: z.boolean(),
  /** false: deactivated by the admin lokal or the system administrator (cannot log in). */
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InstitutionUser = z.infer<typeof institutionUserSchema>;

export const institutionUsersResponse = z.object({
  items: z.array(institutionUserSchema),
  abilities: z.object({
    createUpp: z.boolean(),
    /** Deactivate, reactivate and move the proposer (UPP) accounts to another unit. */
    manageUpp: z.boolean(),
  }),
});
export type InstitutionUsersResponse = z.infer<typeof institutionUsersResponse>;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const createUppBody = z.object({
  email: emailSchema,
  name: cleanText('Nama wajib diisi.|Name is required.')
    .trim()
    .min(1, 'Nama wajib diisi.|Name is required.')
    .max(255),
  unitId: z.coerce.number('Pilih unit.|Choose a unit.').int().min(1).max(2_147_483_647),
  position: z.preprocess(blankToNull, cleanText().trim().max(255).nullable().optional()),
  phone: optionalPhoneSchema(),
  /** The language of the invitation e-mail and of the account (default Bahasa Indonesia). */
  locale: localeSchema.optional(),
});
export type CreateUppBody = z.infer<typeof createUppBody>;

/** Move a proposer (UPP) account to another unit of its institution. */
export const moveUppBody = z.object({
  unitId: z.coerce.number('Pilih unit.|Choose a unit.').int().min(1).max(2_147_483_647),
});
export type MoveUppBody = z.infer<typeof moveUppBody>;

export const institutionUserResponse = z.object({ user: institutionUserSchema });

export const invitationResponse = z.object({
  /** When the new link stops working. */
  expiresAt: z.string(),
});
