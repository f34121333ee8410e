import { z } from 'zod';
import { cleanLongText } from './text.js';

/*
 * The assignment of reviewers to proposals in a scored stage (issue 12 point 3): the secretariat runs the
 * optimal assignment, sees the loads and what could not be served, adds or withdraws a pair by hand, and
 * moves assignments in and out as CSV.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);

export const stageParams = z.object({ id: idNumber, stageId: idNumber });
export const assignmentParams = z.object({ id: idNumber, stageId: idNumber, assignmentId: idNumber });

export const assignmentListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  reviewerId: idNumber.optional(),
  status: z.enum(['active', 'withdrawn', 'all']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** POST …/assignments: one pair by hand; the proposal by its id or by its code (KIPP-2026-00042). */
export const addAssignmentBody = z
  .object({
    proposalId: idNumber.optional(),
    proposalCode: z.string().trim().max(64).optional(),
    reviewerId: idNumber,
    /** Assign although the reviewer is at capacity (the secretariat's explicit decision, audited). */
    overCapacity: z.boolean().optional(),
  })
  .refine((b) => b.proposalId !== undefined || !!b.proposalCode, {
    message: 'Isi kode proposal.|Give the proposal code.',
    path: ['proposalCode'],
  });

/** POST …/assignments/:assignmentId/withdraw. */
export const withdrawAssignmentBody = z.object({
  reason: cleanLongText()
    .trim()
    .min(3, 'Tuliskan alasan penarikan.|Give the reason for the withdrawal.')
    .max(1000, 'Alasan paling banyak 1000 karakter.|The reason has at most 1000 characters.'),
  /**
   * The reason is a conflict of interest found after the assignment: it is recorded (source `found`),
   * any evaluation of the pair stops counting, and another reviewer is assigned in the same step.
   */
  conflict: z.boolean().optional(),
});

/** POST …/assignments/import: the CSV's text; `apply` false shows the preview only. */
export const importAssignmentsBody = z.object({
  csv: z.string().max(2_000_000, 'Berkas terlalu besar.|The file is too large.'),
  apply: z.boolean(),
});

const reviewerRef = z.object({ id: z.number(), name: z.string(), email: z.string() });

export const assignmentItemSchema = z.object({
  id: z.number(),
  proposal: z.object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    institution: z.string(),
    category: z.string().nullable(),
  }),
  reviewer: reviewerRef,
  origin: z.enum(['solver', 'manual', 'import', 'third', 'reassign']),
  status: z.enum(['active', 'withdrawn']),
  /** draft | submitted once the reviewer started scoring; null = not started. */
  evaluation: z.enum(['draft', 'submitted']).nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  expertiseMatch: z.boolean(),
});
export type AssignmentItem = z.infer<typeof assignmentItemSchema>;

export const reviewerLoadSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  /** Null when the reviewer has not completed the profile (left out of the assignment). */
  profileComplete: z.boolean(),
  capacity: z.number().nullable(),
  load: z.number(),
  submitted: z.number(),
  expertise: z.array(z.string()),
});

export const unservedSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  message: textMsg,
});

/** A panelist who abstains on a finalist (a stage where the whole panel scores every finalist). */
export const panelAbstentionSchema = z.object({
  reviewer: z.object({ id: z.number(), name: z.string() }),
  proposal: z.object({ id: z.number(), code: z.string(), title: z.string(), institution: z.string() }),
  reasons: z.array(textMsg),
  withdrawnAssignmentId: z.number().nullable(),
  evaluation: z.enum(['draft', 'submitted']).nullable(),
});
export type PanelAbstentionItem = z.infer<typeof panelAbstentionSchema>;

export const stageAssignmentSummary = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  stage: z.object({
    id: z.number(),
    kind: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    reviewersPerProposal: z.number(),
    /** sample: k reviewers per proposal (the solver); whole_panel: every panelist on every finalist. */
    mode: z.enum(['sample', 'whole_panel']),
    /** The team that works the stage. */
    team: z.enum(['evaluation', 'panel']),
  }),
  /** The competition's categories, to name the reviewers' expertise. */
  categories: z.array(z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() })),
  /** The review stages of the competition, for the stage picker. */
  stages: z.array(z.object({ id: z.number(), kind: z.string(), nameId: z.string(), nameEn: z.string() })),
  pool: z.object({
    /** Proposals the stage reviews. */
    proposals: z.number(),
    /** Of them, those with all their reviewers. */
    complete: z.number(),
    /** Reviewers still to place (Σ need). */
    missingPairs: z.number(),
    /** Why the pool is empty or not open yet, if it is. */
    notReady: textMsg.nullable(),
  }),
  reviewers: z.array(reviewerLoadSchema),
  /** whole_panel: who abstains on which finalist and why (empty in sample mode). */
  abstentions: z.array(panelAbstentionSchema),
  abilities: z.object({ run: z.boolean(), edit: z.boolean() }),
});
export type StageAssignmentSummary = z.infer<typeof stageAssignmentSummary>;

export const assignmentListResponse = z.object({
  items: z.array(assignmentItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type AssignmentList = z.infer<typeof assignmentListResponse>;

/** The answer of a run: placed pairs and loads, or (nothing written) the proposals that cannot be served. */
export const runAssignmentResponse = z.object({
  ok: z.boolean(),
  placed: z.number(),
  expertiseMisses: z.number(),
  minLoad: z.number(),
  maxLoad: z.number(),
  notified: z.number(),
  message: textMsg,
  unserved: z.array(unservedSchema),
  /** Reviewers left out because their profile is not complete. */
  leftOut: z.array(z.object({ id: z.number(), name: z.string() })),
  /** whole_panel: the abstentions after the run (conflicts), and assignments it withdrew for one. */
  abstentions: z.array(panelAbstentionSchema).optional(),
  withdrawn: z.number().optional(),
});
export type RunAssignmentResult = z.infer<typeof runAssignmentResponse>;

export const withdrawAssignmentResponse = z.object({
  withdrawn: assignmentItemSchema,
  /** The reviewer assigned in its place (conflict), or null. */
  replacement: assignmentItemSchema.nullable(),
  message: textMsg,
});

export const importPreviewRow = z.object({
  row: z.number(),
  proposalCode: z.string(),
  reviewerEmail: z.string(),
  problem: textMsg.nullable(),
});

export const importAssignmentsResponse = z.object({
  applied: z.boolean(),
  rows: z.array(importPreviewRow),
  /** Rows that would be (or were) written. */
  valid: z.number(),
  invalid: z.number(),
  message: textMsg,
});
export type ImportAssignmentsResult = z.infer<typeof importAssignmentsResponse>;
