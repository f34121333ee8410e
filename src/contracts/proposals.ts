import { z } from 'zod';
import { attachmentLimitsSchema, attachmentSchema } from './attachments.js';

/*
 * Proposals: the editor's autosave body, the workflow actions, and the shapes the API answers with.
 * While drafting, fields are checked for shape only; completeness is reported, and enforced at send.
 */

export const proposalStateSchema = z.enum([
  'draft',
  'sent_to_local_admin',
  'returned',
  'forwarded',
  'withdrawn',
  'received',
  'frozen',
]);
export type ProposalStateName = z.infer<typeof proposalStateSchema>;

const textMsg = z.object({ id: z.string(), en: z.string() });

export const proposalIdParams = z.object({ id: z.coerce.number().int().positive() });
export const revisionParams = z.object({
  id: z.coerce.number().int().positive(),
  rev: z.coerce.number().int().positive(),
});

export const createProposalBody = z.object({
  groupKey: z.string().trim().min(1).max(32),
  title: z
    .string()
    .trim()
    .min(1, 'Judul wajib diisi.|The title is required.')
    .max(255, 'Judul maksimal 255 karakter.|The title has at most 255 characters.'),
});

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const proposalLinkSchema = z.object({
  label: z.string().trim().min(1).max(100),
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(
      /^https?:\/\/\S+$/,
      'Tautan harus diawali http:// atau https://.|A link starts with http:// or https://.',
    ),
});

/** PATCH /proposals/:id: every field optional; `version` is the one the editor last loaded. */
export const saveProposalBody = z.object({
  version: z.number().int().positive(),
  title: z
    .string()
    .trim()
    .min(1, 'Judul wajib diisi.|The title is required.')
    .max(255, 'Judul maksimal 255 karakter.|The title has at most 255 characters.')
    .optional(),
  acronym: optionalText(64),
  categoryKey: z.string().max(64).nullable().optional(),
  implementationStart: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal ditulis TTTT-BB-HH.|A date is written YYYY-MM-DD.')
    .nullable()
    .optional(),
  innovatorKind: z.enum(['person', 'team']).nullable().optional(),
  innovatorNames: optionalText(2000),
  contactName: optionalText(255),
  contactPhone: optionalText(32),
  /** Any text while drafting (half-typed addresses are kept); its format is checked for completeness. */
  contactEmail: optionalText(254),
  links: z.array(proposalLinkSchema).max(20).optional(),
  declarationAccepted: z.boolean().optional(),
  answers: z
    .array(z.object({ sectionKey: z.string().min(1).max(64), text: z.string().max(100_000) }))
    .max(50)
    .optional(),
});
export type SaveProposalBody = z.infer<typeof saveProposalBody>;

export const returnProposalBody = z.object({
  note: z.string().trim().min(10).max(5000),
});

export const proposalListQuery = z.object({
  competitionId: z.coerce.number().int().positive().optional(),
  state: proposalStateSchema.optional(),
  groupKey: z.string().max(32).optional(),
});

export const missingItemSchema = z.object({
  code: z.string(),
  field: z.string(),
  sectionKey: z.string().nullable(),
  message: textMsg,
});

export const completenessSchema = z.object({
  complete: z.boolean(),
  missing: z.array(missingItemSchema),
});

export const proposalAbilitiesSchema = z.object({
  edit: z.boolean(),
  send: z.boolean(),
  return: z.boolean(),
  forward: z.boolean(),
  withdraw: z.boolean(),
  /** May add, replace, retie and delete evidence now (the proposer, while editable and open). */
  upload: z.boolean(),
});

export const proposalSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  acronym: z.string().nullable(),
  state: proposalStateSchema,
  stateLabel: textMsg,
  version: z.number(),
  competition: z.object({ id: z.number(), code: z.string(), name: z.string(), year: z.number() }),
  group: z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() }),
  institution: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const quotaUsageSchema = z.object({
  competitionId: z.number(),
  institutionId: z.number(),
  groupKey: z.string(),
  used: z.number(),
  /** null: the group is outside the quota. */
  quota: z.number().nullable(),
});

export const proposalListResponse = z.object({
  items: z.array(proposalSummarySchema),
  /** Per group, for the institutions whose admin lokal is asking. */
  quotas: z.array(quotaUsageSchema),
  abilities: z.object({
    /** The caller writes proposals for at least one unit (may start one while a submission is open). */
    create: z.boolean(),
    /** The caller reviews (returns/forwards) the proposals of at least one institution. */
    review: z.boolean(),
  }),
});

export type ProposalList = z.infer<typeof proposalListResponse>;

export const formSectionSchema = z.object({
  id: z.number(),
  key: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  guidanceId: z.string().nullable(),
  guidanceEn: z.string().nullable(),
  wordLimit: z.number().nullable(),
  required: z.boolean(),
});

export const proposalDetailSchema = proposalSummarySchema.extend({
  category: z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() }).nullable(),
  implementationStart: z.string().nullable(),
  innovatorKind: z.enum(['person', 'team']).nullable(),
  innovatorNames: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  declarationAccepted: z.boolean(),
  receivedAt: z.string().nullable(),
  returnedNote: z.string().nullable(),
  sourceAwardId: z.number().nullable(),
  timeZone: z.string(),
  submissionClosesAt: z.string().nullable(),
  form: z.array(formSectionSchema),
  answers: z.array(
    z.object({ sectionKey: z.string(), text: z.string(), wordCount: z.number(), updatedAt: z.string() }),
  ),
  categories: z.array(z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() })),
  completeness: completenessSchema,
  /** Evidence, oldest first. */
  attachments: z.array(attachmentSchema),
  attachmentLimits: attachmentLimitsSchema,
  abilities: proposalAbilitiesSchema,
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

export const saveProposalResponse = z.object({
  version: z.number(),
  savedAt: z.string(),
  completeness: completenessSchema,
});

export const revisionSummarySchema = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(['autosave', 'transition']),
  action: z.string().nullable(),
  savedBy: z.object({ id: z.number(), name: z.string() }),
  createdAt: z.string(),
  savedAt: z.string(),
});

export const revisionListResponse = z.object({ items: z.array(revisionSummarySchema) });

export const revisionDetailSchema = revisionSummarySchema.extend({
  snapshot: z.record(z.string(), z.unknown()),
});
