import { z } from 'zod';

/** Where a check is in the queue (domain/admin-check.ts `queueStatus`). */
export const QUEUE_STATUSES = ['unchecked', 'passed', 'incomplete', 'completed', 'disqualified'] as const;
/** Why a proposal is disqualified (a fixed list; labels in domain/admin-check.ts). */
export const REASON_CODES = [
  'usia_implementasi',
  'tidak_lengkap',
  'tidak_dilengkapi',
  'jawaban_asal',
  'judul_ganda',
  'tidak_memenuhi_kelompok',
  'lainnya',
] as const;

/* The administrative check's API shapes (issue 12 point 1). */

const text = z.object({ id: z.string(), en: z.string() });

export const queueQuery = z.object({
  status: z.enum(QUEUE_STATUSES).optional(),
  groupKey: z.string().max(60).optional(),
  categoryKey: z.string().max(60).optional(),
  institutionId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const claimSchema = z.object({
  holder: z.enum(['free', 'mine', 'other']),
  name: z.string().nullable(),
  until: z.string().nullable(),
});

export const queueItemSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  state: z.string(),
  institution: z.object({ id: z.number(), name: z.string() }),
  group: z.object({ key: z.string(), name: text }),
  category: z.object({ key: z.string(), name: text }).nullable(),
  status: z.enum(QUEUE_STATUSES),
  round: z.number(),
  reasonCode: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  version: z.number(),
  claim: claimSchema,
});

const countsSchema = z.record(z.string(), z.number());

export const queueResponse = z.object({
  items: z.array(queueItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: countsSchema,
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  groups: z.array(z.object({ key: z.string(), name: text })),
  categories: z.array(z.object({ key: z.string(), name: text })),
  abilities: z.object({ work: z.boolean() }),
});

export const nextResponse = z.object({ proposalId: z.number().nullable() });

const markSchema = z.object({ ok: z.boolean().nullable(), note: z.string().max(1000).optional() });
export const marksBody = z.record(z.string().max(40), markSchema);

export const saveMarksBody = z.object({ version: z.number().int().optional(), items: marksBody });

export const decisionBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('passed'),
    version: z.number().int().optional(),
    items: marksBody.optional(),
  }),
  z.object({
    outcome: z.literal('disqualified'),
    version: z.number().int().optional(),
    items: marksBody.optional(),
    reasonCode: z.enum(REASON_CODES),
    reasonText: z.string().max(4000),
  }),
]);

export const completionRequestBody = z.object({
  version: z.number().int().optional(),
  items: z.array(z.string().max(80)).max(100),
  note: z.string().max(4000).nullable().optional(),
  deadlineAt: z.string().max(40),
});

export const bulkPreviewBody = z.object({
  /** The selected proposals, or null with `filter` for every proposal the filter shows. */
  proposalIds: z.array(z.number().int().positive()).max(5000).optional(),
  filter: queueQuery.omit({ page: true, pageSize: true }).optional(),
});

export const bulkPreviewResponse = z.object({
  count: z.number(),
  apply: z.array(z.object({ proposalId: z.number(), code: z.string(), version: z.number() })),
  skipped: z.array(z.object({ proposalId: z.number(), code: z.string(), reason: z.string() })),
});

export const bulkApplyBody = z.object({
  rows: z.array(z.object({ proposalId: z.number().int().positive(), version: z.number().int() })).max(5000),
});

export const bulkApplyResponse = z.object({
  passed: z.array(z.object({ proposalId: z.number(), code: z.string() })),
  skipped: z.array(z.object({ proposalId: z.number(), code: z.string().nullable(), reason: z.string() })),
});

const findingSchema = z.object({ ok: z.boolean().nullable(), notes: z.array(text) });

export const completionViewSchema = z.object({
  id: z.number(),
  items: z.array(z.object({ item: z.string(), label: text })),
  note: z.string().nullable(),
  deadlineAt: z.string(),
  /** The deadline with hour and zone, in both languages. */
  deadlineText: text,
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  open: z.boolean(),
});

export const checkDetailSchema = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string(), zone: z.string() }),
  proposal: z.object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    state: z.string(),
    institution: z.string(),
    unit: z.string(),
    group: text,
  }),
  check: z.object({
    status: z.string(),
    round: z.number(),
    outcome: z.string().nullable(),
    reasonCode: z.string().nullable(),
    reasonText: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    version: z.number(),
    claim: claimSchema,
  }),
  checklist: z.array(
    z.object({
      key: z.string(),
      label: text,
      finding: findingSchema.nullable(),
      mark: markSchema.nullable(),
    }),
  ),
  completion: completionViewSchema.nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      action: z.string(),
      summary: z.record(z.string(), z.unknown()),
    }),
  ),
  options: z.object({
    sections: z.array(z.object({ key: z.string(), label: text })),
    fields: z.array(z.object({ key: z.string(), label: text })),
    reasons: z.array(z.object({ code: z.string(), label: text })),
  }),
  abilities: z.object({
    pass: z.boolean(),
    disqualify: z.boolean(),
    requestCompletion: z.boolean(),
    mark: z.boolean(),
  }),
});

export const completionResponse = z.object({
  proposalId: z.number(),
  timeZone: z.string(),
  request: completionViewSchema.nullable(),
  abilities: z.object({ save: z.boolean(), submit: z.boolean() }),
});
