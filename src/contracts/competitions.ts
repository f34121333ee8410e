import { z } from 'zod';
import { TEMPLATE_PRESET_IDS } from './competition-presets.js';
import { DEFAULT_MAX_INSTITUTION_STORAGE_MB, DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT } from './storage-defaults.js';
import { INSTITUTION_TYPES, institutionTypeSchema, REGION_CODE_PATTERN } from './institutions.js';
import { cleanLongText, cleanText } from './text.js';

/*
 * Competitions as data: the definition the organizer edits, and the shapes the API answers with.
 * The schema checks shape only; the rules (required texts, weights adding up to 100, stage order, …)
 * are checked by domain/competition-rules so that every problem comes back with its field path at once.
 */

const text = cleanLongText().max(20000);
const optionalText = text.nullable();
const num = z.number();
const instant = z.string().max(64).nullable();

/** One part of the help contact: checked by domain/helpdesk-contact (the schema bounds the size only). */
const contactPart = cleanText().max(1000).nullable();

/** How participants reach the organizer (domain/helpdesk-contact.ts); every part may be null. */
export const helpdeskSchema = z.object({
  phone: contactPart,
  email: contactPart,
  whatsapp: contactPart,
  hours: contactPart,
});
export type Helpdesk = z.infer<typeof helpdeskSchema>;

export const competitionSettingsSchema = z.object({
  allowedFileTypes: z.array(z.string().max(128)).max(50),
  maxFileMb: num,
  maxProposalMb: num,
  /** Omitted by older clients: the defaults of storage-defaults.ts. */
  maxOpenDraftsPerUnit: num.default(DEFAULT_MAX_OPEN_DRAFTS_PER_UNIT),
  maxInstitutionStorageMb: num.default(DEFAULT_MAX_INSTITUTION_STORAGE_MB),
  /** Omitted by older clients: empty (the definition is replaced as a whole). */
  helpdesk: helpdeskSchema.default({ phone: null, email: null, whatsapp: null, hours: null }),
});

export const categoryDefinitionSchema = z.object({ key: text, nameId: text, nameEn: text });

export const sectionDefinitionSchema = z.object({
  key: text,
  labelId: text,
  labelEn: text,
  guidanceId: optionalText,
  guidanceEn: optionalText,
  wordLimit: num.nullable(),
  weight: num,
  required: z.boolean(),
  /** The section needs its own supporting file (omitted by older clients: no). */
  evidenceRequired: z.boolean().optional(),
});

export const groupDefinitionSchema = z.object({
  key: text,
  nameId: text,
  nameEn: text,
  descriptionId: optionalText,
  descriptionEn: optionalText,
  minImplementationMonths: num,
  quotaPerInstitution: num.nullable(),
  invitationOnly: z.boolean(),
  /** Years a replikasi source may come from; null or omitted = any year. */
  sourceYears: z.array(num).max(100).nullable().default(null),
  /** Supporting files a proposal must carry in all (omitted by older clients: 1). */
  evidenceMin: num.optional(),
  sections: z.array(sectionDefinitionSchema).max(50),
});

export const stageDefinitionSchema = z.object({
  kind: text,
  nameId: text,
  nameEn: text,
  opensAt: instant,
  closesAt: instant,
});

/** The whole definition, as PUT /competitions/:id takes it. */
export const competitionDefinitionSchema = z.object({
  code: text,
  name: text,
  year: num,
  theme: text,
  description: optionalText,
  timeZone: text,
  settings: competitionSettingsSchema,
  categories: z.array(categoryDefinitionSchema).max(100),
  groups: z.array(groupDefinitionSchema).max(20),
  stages: z.array(stageDefinitionSchema).max(30),
});
export type CompetitionDefinitionBody = z.infer<typeof competitionDefinitionSchema>;

/** An amendment (Adendum) decided for a structural change of a published competition. */
export const amendmentInputSchema = z.object({
  number: z.string().max(512, 'Nomor adendum terlalu panjang.|The amendment number is too long.'),
  reasonId: z.string().max(4000, 'Alasan terlalu panjang.|The reason is too long.'),
  reasonEn: z.string().max(4000, 'Alasan terlalu panjang.|The reason is too long.').nullable().optional(),
});

/**
 * PUT /competitions/:id: the definition; once published, a structural change also carries its amendment
 * (domain/competition-changes decides which changes need one and which are refused).
 */
export const updateCompetitionBody = competitionDefinitionSchema.extend({
  amendment: amendmentInputSchema.optional(),
});
export type UpdateCompetitionBody = z.infer<typeof updateCompetitionBody>;

export const competitionIdParams = z.object({ id: z.coerce.number().int().positive() });

/** POST /competitions/from-template. */
export const fromTemplateBody = z.object({
  template: z.literal('kipp'),
  /** The KIPP year the template reproduces (domain/competition-presets); default kipp-2023. */
  preset: z.enum(TEMPLATE_PRESET_IDS).optional(),
  year: z
    .number()
    .int('Tahun berupa bilangan bulat.|The year is a whole number.')
    .min(2014, 'Tahun paling awal 2014.|The earliest year is 2014.')
    .max(2100, 'Tahun paling akhir 2100.|The latest year is 2100.'),
  organizerInstitutionId: z.number().int().positive(),
  /** Defaults from the organizer: see domain/competition-template kippIdentity. */
  name: cleanText().trim().min(1).max(255).optional(),
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Z0-9][A-Z0-9-]{1,15}$/,
      'Kode 2–16 karakter: huruf kapital, angka, dan tanda hubung.|A code has 2–16 characters: capital letters, digits and hyphens.',
    )
    .optional(),
  theme: cleanText().trim().min(1).max(1000).optional(),
  timeZone: z.string().trim().min(1).max(64).optional(),
});
export type FromTemplateBody = z.infer<typeof fromTemplateBody>;

export const competitionStatusSchema = z.enum(['draft', 'published', 'archived']);

const organizerSchema = z.object({ id: z.number(), name: z.string() });

export const stageSchema = z.object({
  id: z.number(),
  kind: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});

export const categorySchema = categoryDefinitionSchema.extend({ id: z.number() });

export const sectionSchema = sectionDefinitionSchema.extend({ id: z.number() });

const groupBase = {
  id: z.number(),
  key: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  minImplementationMonths: z.number(),
  quotaPerInstitution: z.number().nullable(),
  invitationOnly: z.boolean(),
  sourceYears: z.array(z.number()).nullable(),
};

/** One competition in the public list. */
export const competitionSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  theme: z.string(),
  timeZone: z.string(),
  status: competitionStatusSchema,
  organizer: organizerSchema,
  categories: z.array(categorySchema),
  groups: z.array(z.object(groupBase)),
  stages: z.array(stageSchema),
  /** The stage whose window contains the server's now; null between stages. */
  currentStage: stageSchema.nullable(),
  submissionClosesAt: z.string().nullable(),
  /** Who may take part, in words ("Peserta: Pemerintah Provinsi Banten dan kabupaten/kota di Banten"). */
  participants: z.object({ id: z.string(), en: z.string() }),
  /** How participants reach the organizer (public contact information; the footer of its pages). */
  helpdesk: helpdeskSchema,
  /**
   * dashboard: the organizer's submission dashboard, list and exports. enter: the caller's institution (UPP,
   * admin lokal) may take part (domain/participation.ts); the server refuses the others anyway.
   */
  abilities: z.object({
    manage: z.boolean(),
    dashboard: z.boolean(),
    selection: z.boolean(),
    enter: z.boolean(),
  }),
});
export type CompetitionSummary = z.infer<typeof competitionSummarySchema>;

/** Who may take part as the organizer sets it (PUT /competitions/:id/participants). */
export const participantsBody = z.object({
  types: z.array(institutionTypeSchema).max(INSTITUTION_TYPES.length).nullable(),
  regions: z
    .array(
      z
        .string()
        .trim()
        .regex(
          REGION_CODE_PATTERN,
          'Kode wilayah ditulis seperti 36 atau 36.03.|A region code is written like 36 or 36.03.',
        ),
    )
    .max(100),
});
export type ParticipantsBody = z.infer<typeof participantsBody>;

export const participantsSchema = participantsBody.extend({
  text: z.object({ id: z.string(), en: z.string() }),
});

export const competitionListResponse = z.object({ items: z.array(competitionSummarySchema) });

const textSchema = z.object({ id: z.string(), en: z.string() });

export const amendmentSchema = z.object({
  id: z.number(),
  number: z.string(),
  /** What changed, in words. */
  changes: z.array(textSchema),
  reasonId: z.string(),
  reasonEn: z.string().nullable(),
  createdAt: z.string(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

/** One competition with its whole definition (ids included: proposals refer to them). */
export const competitionDetailSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  theme: z.string(),
  description: z.string().nullable(),
  timeZone: z.string(),
  status: competitionStatusSchema,
  settings: competitionSettingsSchema,
  /** Who may take part: the rule (types null = any; regions empty = anywhere) and the rule in words. */
  participants: participantsSchema,
  organizer: organizerSchema,
  categories: z.array(categorySchema),
  groups: z.array(
    z.object({
      ...groupBase,
      descriptionId: z.string().nullable(),
      descriptionEn: z.string().nullable(),
      /** Supporting files a proposal must carry in all (always given in answers). */
      evidenceMin: z.number().optional(),
      sections: z.array(sectionSchema),
    }),
  ),
  stages: z.array(stageSchema),
  currentStage: stageSchema.nullable(),
  submissionClosesAt: z.string().nullable(),
  /** Recorded amendments (Adendum), oldest first: public, like the definition they changed. */
  amendments: z.array(amendmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ manage: z.boolean(), publish: z.boolean(), unpublish: z.boolean() }),
});
export type CompetitionDetail = z.infer<typeof competitionDetailSchema>;

/** GET /competitions/:id/impact: what publishing or unpublishing would touch (the organizer's managers). */
export const competitionImpactSchema = z.object({
  competitionId: z.number(),
  status: competitionStatusSchema,
  timeZone: z.string(),
  submission: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable() }),
  proposals: z.object({
    total: z.number(),
    draft: z.number(),
    /** With the admin lokal (sent, or withdrawn back to it). */
    sent: z.number(),
    returned: z.number(),
    /** Forwarded to the organizer (or already received). */
    forwarded: z.number(),
    other: z.number(),
  }),
  /** Participant institutions with at least one proposal in it. */
  institutions: z.number(),
  /** The timed events of the submission that are still to run. */
  pendingJobs: z.object({ reminders: z.number(), closing: z.boolean() }),
  unpublish: z.object({ allowed: z.boolean(), reason: textSchema.nullable() }),
});
export type CompetitionImpact = z.infer<typeof competitionImpactSchema>;
