import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';
import { attachmentLimitsSchema, attachmentSchema } from './attachments.js';
import { institutionTypeSchema } from './institutions.js';
import { pageParam } from './mail.js';

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
  'incomplete',
  'passed_admin',
  'disqualified',
  'finalist',
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
  title: cleanText()
    .trim()
    .min(1, 'Judul wajib diisi.|The title is required.')
    .max(255, 'Judul maksimal 255 karakter.|The title has at most 255 characters.'),
});

const optionalText = (max: number) => cleanText().max(max).nullable().optional();
const optionalLongText = (max: number) => cleanLongText().max(max).nullable().optional();

export const proposalLinkSchema = z.object({
  label: cleanText().trim().min(1).max(100),
  url: cleanText()
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
  title: cleanText()
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
  innovatorNames: optionalLongText(2000),
  contactName: optionalText(255),
  contactPhone: optionalText(32),
  /** Any text while drafting (half-typed addresses are kept); its format is checked for completeness. */
  contactEmail: optionalText(254),
  links: z.array(proposalLinkSchema).max(20).optional(),
  declarationAccepted: z.boolean().optional(),
  /**
   * Replikasi only: the award of the registry being replicated (a Top 99 or higher of the group's source
   * years); null clears it. Another group, an unknown award or one that does not qualify: 400 on this field.
   */
  sourceAwardId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  answers: z
    .array(z.object({ sectionKey: z.string().min(1).max(64), text: cleanLongText().max(100_000) }))
    .max(50)
    .optional(),
});
export type SaveProposalBody = z.infer<typeof saveProposalBody>;

/**
 * What the autosave route itself checks: the `version`. Every other field of `saveProposalBody` is checked
 * on its own (modules/proposals/save-fields.ts): a bad one is refused, named in `rejected`, and keeps its
 * stored value, while the rest are stored.
 */
export const saveProposalRequest = z.looseObject({ version: saveProposalBody.shape.version });

/**
 * A field an autosave refused, keyed like the body ("links.0", "sections.<key>", "answers.1", "title"):
 * a stable code and the reason in both languages.
 */
export const rejectedFieldSchema = z.object({ code: z.string(), message: textMsg });

export const returnProposalBody = z.object({
  note: cleanLongText().trim().min(10).max(5000),
});

/** Query parameters arrive as text; an empty one (`?state=`) means "not given", as a cleared filter sends it. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const PROPOSAL_SORTS = ['updatedAt', 'code', 'title', 'institution', 'state', 'forwardedAt'] as const;

/** The filters of a proposal list, shared by GET /proposals and the organizer's export. */
export const proposalFilterFields = {
  /** One state or several, comma-separated ("sent_to_local_admin,withdrawn": what needs the admin lokal). */
  state: optionalQuery(
    z
      .string()
      .max(200)
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(proposalStateSchema).min(1).max(7)),
  ),
  /** Proposals of one unit (within the caller's scope). */
  unitId: optionalQuery(z.coerce.number().int().positive().max(2_147_483_647)),
  groupKey: optionalQuery(z.string().max(32)),
  categoryKey: optionalQuery(z.string().max(64)),
  institutionType: optionalQuery(institutionTypeSchema),
  /** A province's two-digit code ("32"), `pusat` (ministries, agencies, BUMN) or `tidak_diketahui`. */
  provinceCode: optionalQuery(
    z
      .string()
      .regex(
        /^([0-9]{2}|pusat|tidak_diketahui)$/,
        'Kode provinsi ditulis dua angka, misalnya 32.|A province code is two digits, e.g. 32.',
      ),
  ),
  /** Text found in the title, acronym, code, institution or unit. */
  q: optionalQuery(z.string().trim().max(200)),
  sort: optionalQuery(z.enum(PROPOSAL_SORTS, { error: 'Urutan tidak dikenal.|Unknown sort order.' })),
  dir: optionalQuery(
    z.enum(['asc', 'desc'], { error: 'Arah urutan: asc atau desc.|Direction: asc or desc.' }),
  ),
};

export const proposalListQuery = z.object({
  competitionId: optionalQuery(z.coerce.number().int().positive()),
  ...proposalFilterFields,
  page: pageParam,
  /** Without it every match comes back (the lists of one unit or institution are short). */
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce
      .number('Ukuran halaman harus berupa angka.|The page size must be a number.')
      .int()
      .min(1)
      .max(200)
      .optional(),
  ),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

/**
 * One thing that stops a proposal from going on: `incomplete` (to fill in or attach) or `ineligible` (a
 * rule of the group: implementation age, award registry, invitation, title used twice, quota). `code` is
 * the rule, `field` where the editor points ("title", "sections.<key>", "sourceAwardId",
 * "attachments.replication_statement", "group").
 */
export const missingItemSchema = z.object({
  kind: z.enum(['incomplete', 'ineligible']),
  code: z.string(),
  field: z.string(),
  sectionKey: z.string().nullable(),
  message: textMsg,
});

/**
 * Everything that stops the proposal, recomputed on every read and save. Send and forward check the same
 * list again and refuse with 422 `proposal_incomplete` while an `incomplete` item is listed (the list may
 * hold `ineligible` items too), else 422 `proposal_ineligible`; both carry `error.missing` (the items) and
 * `error.fields` (the first item per field). A full quota at forward stays 409 `quota_full`.
 */
export const completenessSchema = z.object({
  complete: z.boolean(),
  missing: z.array(missingItemSchema),
});

export const proposalAbilitiesSchema = z.object({
  edit: z.boolean(),
  send: z.boolean(),
  /** May take the sent proposal back before the admin lokal acted (the proposer, while open). */
  takeBack: z.boolean(),
  /** May delete the draft: never sent (the proposer, while open). */
  delete: z.boolean(),
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
  category: z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() }).nullable(),
  institutionType: institutionTypeSchema,
  /** Where the institution counts: a two-digit code, `pusat` or `tidak_diketahui`. */
  provinceCode: z.string(),
  attachmentCount: z.number(),
  timeZone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const formSectionSchema = z.object({
  id: z.number(),
  key: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  guidanceId: z.string().nullable(),
  guidanceEn: z.string().nullable(),
  wordLimit: z.number().nullable(),
  required: z.boolean(),
  /** The section needs its own supporting file (always given in answers). */
  evidenceRequired: z.boolean().optional(),
});

export const proposalDetailSchema = proposalSummarySchema.extend({
  /** Supporting files the group requires in all (always given in answers). */
  evidenceMin: z.number().optional(),
  group: z.object({
    id: z.number(),
    key: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    /** Years a replikasi source may come from; null = any year (read by the source picker). */
    sourceYears: z.array(z.number()).nullable(),
  }),
  implementationStart: z.string().nullable(),
  innovatorKind: z.enum(['person', 'team']).nullable(),
  innovatorNames: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  declarationAccepted: z.boolean(),
  returnedNote: z.string().nullable(),
  /**
   * The administrative check's result once the organizer published it (issue 12 point 1); never a staged
   * outcome: before publication it is null. Given by GET /proposals/:id.
   */
  adminResult: z
    .object({
      outcome: z.enum(['passed', 'disqualified']),
      reasonCode: z.string().nullable(),
      reasonText: z.string().nullable(),
      publishedAt: z.string(),
      letterNumber: z.string().nullable(),
    })
    .nullable()
    .optional(),
  sourceAwardId: z.number().nullable(),
  /** The replikasi source as the registry names it. */
  sourceAward: z
    .object({
      id: z.number(),
      year: z.number(),
      level: z.string(),
      levelLabel: textMsg,
      innovationTitle: z.string(),
      institutionName: z.string().nullable(),
    })
    .nullable(),
  submissionClosesAt: z.string().nullable(),
  form: z.array(formSectionSchema),
  answers: z.array(
    z.object({ sectionKey: z.string(), text: z.string(), wordCount: z.number(), updatedAt: z.string() }),
  ),
  categories: z.array(z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() })),
  completeness: completenessSchema,
  /**
   * What the autosaves refused and is not stored, with the value as typed (null when too long to keep), until
   * a save stores that field: the editor shows it flagged in any browser; `completeness` lists each one.
   */
  rejected: z.record(z.string(), rejectedFieldSchema.extend({ value: z.unknown() })),
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
  /** The fields of this save that were refused (each kept its stored value); empty when all were stored. */
  rejected: z.record(z.string(), rejectedFieldSchema),
});

export const revisionSummarySchema = z.object({
  id: z.number(),
  /** The number shown: 1 for the oldest entry of the history, counting up without gaps. */
  number: z.number(),
  /** The proposal's save counter at that entry (moves with every autosave, so it skips). */
  version: z.number(),
  kind: z.enum(['autosave', 'transition']),
  action: z.string().nullable(),
  /** Who saved it; null for the system (the closing freezes and receives proposals). */
  savedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  savedAt: z.string(),
  /** The admin lokal's note, on a return; null otherwise. */
  note: z.string().nullable(),
});

export const revisionListResponse = z.object({ items: z.array(revisionSummarySchema) });

export const revisionDetailSchema = revisionSummarySchema.extend({
  snapshot: z.record(z.string(), z.unknown()),
});

/** GET /proposals/:id/impact: the quota as it stands and as forwarding or withdrawing would leave it. */
export const proposalImpactSchema = z.object({
  proposalId: z.number(),
  /** null when the group has no quota per institution. */
  quota: z
    .object({
      groupKey: z.string(),
      /** Slots of the group the institution holds now (forwarded or received). */
      used: z.number(),
      limit: z.number(),
      afterForward: z.number(),
      afterWithdraw: z.number(),
    })
    .nullable(),
});
export type ProposalImpact = z.infer<typeof proposalImpactSchema>;
