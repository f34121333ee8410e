import { z } from 'zod';
import { emailSchema } from './auth.js';
import { REGION_CODE_PATTERN } from './institutions.js';
import { cleanLongText, cleanText } from './text.js';

/*
 * A competition's Tim Evaluasi and Tim Panel Independen (issue 12 point 2): the secretariat's roster
 * (invite, resend, remove, capacity, organizer conflicts) and each reviewer's own profile. Custom messages
 * are written "Bahasa Indonesia|English".
 */

export const REVIEW_TEAMS = ['evaluation', 'panel'] as const;
export const reviewTeamSchema = z.enum(REVIEW_TEAMS, 'Tim tidak dikenal.|Unknown team.');
export type ReviewTeamName = z.infer<typeof reviewTeamSchema>;

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** Most proposals one reviewer takes per stage (null: no limit of their own). */
export const MAX_CAPACITY = 1000;
const capacitySchema = z.preprocess(
  blankToNull,
  z.coerce
    .number('Kapasitas harus berupa angka.|Capacity must be a number.')
    .int('Kapasitas harus bilangan bulat.|Capacity must be a whole number.')
    .min(1, 'Kapasitas paling sedikit 1.|Capacity is at least 1.')
    .max(MAX_CAPACITY, `Kapasitas paling banyak ${MAX_CAPACITY}.|Capacity is at most ${MAX_CAPACITY}.`)
    .nullable(),
);

export const teamParams = z.object({ id: idNumber, team: reviewTeamSchema });
export const memberParams = z.object({ id: idNumber, team: reviewTeamSchema, userId: idNumber });

/**
 * The part of society a Tim Panel member sits for (issue 13 point 1): pakar/akademisi, tokoh masyarakat,
 * perwakilan kementerian/lembaga, jurnalis/media, lainnya.
 */
export const PANEL_UNSUR = ['expert', 'public_figure', 'ministry', 'media', 'other'] as const;
export const panelUnsurSchema = z.enum(PANEL_UNSUR, 'Pilih unsur dari daftar.|Choose a kind from the list.');

export const teamListQuery = z.object({
  /** Every word must occur in the name, the e-mail or the affiliation. */
  q: z.preprocess(blankToUndefined, cleanText().trim().max(200).optional()),
  status: z.preprocess(blankToUndefined, z.enum(['invited', 'profile_missing', 'complete']).optional()),
  /** The panel's members of one unsur (`none`: not said yet). */
  unsur: z.preprocess(blankToUndefined, z.enum([...PANEL_UNSUR, 'none']).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(25)),
});
export type TeamListQuery = z.infer<typeof teamListQuery>;

export const inviteMemberBody = z.object({
  name: cleanText('Nama wajib diisi.|Name is required.')
    .trim()
    .min(1, 'Nama wajib diisi.|Name is required.')
    .max(255),
  email: emailSchema,
  capacity: capacitySchema.optional(),
});
export type InviteMemberBody = z.infer<typeof inviteMemberBody>;

export const capacityBody = z.object({ capacity: capacitySchema });

const noteSchema = z.preprocess(blankToNull, cleanLongText().trim().max(500).nullable().optional());

export const conflictBody = z.object({
  institutionId: idNumber,
  note: noteSchema,
});
export type ConflictBody = z.infer<typeof conflictBody>;

export const profileBody = z.object({
  /** An institution of the registry, or none (then `affiliationName` names it: a university, …). */
  affiliationInstitutionId: z.preprocess(blankToNull, idNumber.nullable()).optional(),
  affiliationName: z.preprocess(blankToNull, cleanText().trim().max(255).nullable()).optional(),
  regionCode: z
    .preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .regex(
          REGION_CODE_PATTERN,
          'Kode wilayah tidak valid (contoh: 32 atau 32.04).|Not a valid region code (e.g. 32 or 32.04).',
        )
        .nullable(),
    )
    .optional(),
  /** Category keys of the competition. */
  expertise: z.array(z.string().trim().min(1).max(64)).max(50),
  capacity: capacitySchema.optional(),
  /** A panelist's unsur (the Tim Panel only; ignored for the Tim Evaluasi). */
  unsur: z.preprocess(blankToNull, panelUnsurSchema.nullable()).optional(),
  /** The institutions the reviewer may not judge (declared conflicts), each with an optional note. */
  conflicts: z.array(conflictBody).max(100).default([]),
});
export type ProfileBody = z.infer<typeof profileBody>;

const text = z.object({ id: z.string(), en: z.string() });
const named = z.object({ id: z.number(), name: z.string() });

export const conflictSchema = z.object({
  /** The stored row (null for an automatic conflict, which follows from the profile). */
  id: z.number().nullable(),
  institution: named.nullable(),
  source: z.enum(['declared', 'organizer', 'found', 'automatic']),
  note: z.string().nullable(),
  reason: text,
});
export type ReviewerConflict = z.infer<typeof conflictSchema>;

export const memberSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  team: reviewTeamSchema,
  /** invited: no password set yet; profile_missing: signed in, profile not complete; complete. */
  status: z.enum(['invited', 'profile_missing', 'complete']),
  affiliation: z.object({ institution: named.nullable(), name: z.string().nullable() }),
  regionCode: z.string().nullable(),
  /** A panelist's unsur (null: not said, or the Tim Evaluasi). */
  unsur: panelUnsurSchema.nullable(),
  expertise: z.array(z.object({ key: z.string(), name: text })),
  capacity: z.number().nullable(),
  conflicts: z.array(conflictSchema),
  /** Active assignments in the competition's stages (the load; the assignment comes next). */
  activeAssignments: z.number(),
  invitedAt: z.string(),
  completedAt: z.string().nullable(),
  abilities: z.object({
    resendInvitation: z.boolean(),
    remove: z.boolean(),
    edit: z.boolean(),
  }),
});
export type TeamMember = z.infer<typeof memberSchema>;

export const teamListResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  team: reviewTeamSchema,
  regionalConflict: z.enum(['none', 'same_province', 'same_regency']),
  items: z.array(memberSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The whole team's members per unsur (`none`: not said), whatever the filters; the panel's balance. */
  unsurCounts: z.record(z.enum([...PANEL_UNSUR, 'none']), z.number()),
  abilities: z.object({ manage: z.boolean() }),
});
export type TeamListResponse = z.infer<typeof teamListResponse>;

export const inviteResponse = z.object({
  member: memberSchema,
  /** false: an existing account got the grant (and a notice, not a set-password link). */
  accountCreated: z.boolean(),
  /** What the secretariat should know (e.g. the person is also a participant's admin lokal). */
  warnings: z.array(text),
});

export const memberResponse = z.object({ member: memberSchema });

export const regionalRuleBody = z.object({
  regionalConflict: z.enum(['none', 'same_province', 'same_regency'], 'Aturan tidak dikenal.|Unknown rule.'),
});

export const ownProfileResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  member: memberSchema,
  categories: z.array(z.object({ key: z.string(), name: text })),
  /** Profile fields are fixed once assignments exist; conflicts may still be added (recorded as found). */
  locked: z.boolean(),
  abilities: z.object({ edit: z.boolean(), addConflict: z.boolean() }),
});
export type OwnProfileResponse = z.infer<typeof ownProfileResponse>;

export const myTeamsResponse = z.object({
  items: z.array(
    z.object({
      competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
      team: reviewTeamSchema,
      profileComplete: z.boolean(),
    }),
  ),
});
