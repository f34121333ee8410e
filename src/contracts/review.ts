import { z } from 'zod';
import { attachmentSchema } from './attachments.js';
import { cleanLongText } from './text.js';

/*
 * The review engine's scoring (issue 12 point 4): an evaluator's work list, the scoring of one assignment
 * (autosave with the version, submit), the secretariat's rubric and progress of a review stage.
 */

const textSchema = z.object({ id: z.string(), en: z.string() });

export const COMMENT_MAX = 4000;

export const assignmentIdParams = z.object({ id: z.coerce.number().int().positive() });
export const assignmentAttachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  attachmentId: z.coerce.number().int().positive(),
});
export const stageParams = z.object({
  id: z.coerce.number().int().positive(),
  stageId: z.coerce.number().int().positive(),
});

export const EVALUATION_STATUSES = ['not_started', 'draft', 'submitted'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** One criterion's score as the evaluator saves it (every key optional but the criterion). */
export const scoreInput = z.object({
  criterionId: z.number().int().positive(),
  /** 0–100, checked by the command so the refusal names the criterion; null clears it. */
  value: z.number().nullable().optional(),
  comment: cleanLongText().max(COMMENT_MAX).nullable().optional(),
  evidenceSupports: z.boolean().nullable().optional(),
});

/** PUT /review/assignments/:id/evaluation: the autosave. `version` 0 before the first save. */
export const saveEvaluationBody = z.object({
  version: z.number().int().min(0),
  scores: z.array(scoreInput).max(100),
});
export type SaveEvaluationBody = z.infer<typeof saveEvaluationBody>;

/** POST /review/assignments/:id/submit: the version the evaluator saw. */
export const submitEvaluationBody = z.object({ version: z.number().int().min(1) });

export const criterionSchema = z.object({
  id: z.number(),
  key: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  guidanceId: z.string().nullable(),
  guidanceEn: z.string().nullable(),
  weight: z.number(),
  sectionKey: z.string().nullable(),
  position: z.number(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const scoreSchema = z.object({
  criterionId: z.number(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  evidenceSupports: z.boolean().nullable(),
});
export type Score = z.infer<typeof scoreSchema>;

export const evaluationSchema = z.object({
  status: z.enum(EVALUATION_STATUSES),
  /** 0 while nothing was saved. */
  version: z.number(),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  scores: z.array(scoreSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const stageSummarySchema = z.object({
  id: z.number(),
  kind: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeZone: z.string(),
  closed: z.boolean(),
});

/** One line of the evaluator's work list. */
export const workItemSchema = z.object({
  assignmentId: z.number(),
  proposal: z.object({ id: z.number(), code: z.string(), title: z.string(), groupKey: z.string() }),
  status: z.enum(EVALUATION_STATUSES),
  total: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

export const workListResponse = z.object({
  competitions: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      year: z.number(),
      stages: z.array(
        stageSummarySchema.extend({
          counts: z.object({
            assigned: z.number(),
            notStarted: z.number(),
            draft: z.number(),
            submitted: z.number(),
          }),
          items: z.array(workItemSchema),
        }),
      ),
    }),
  ),
  generatedAt: z.string(),
});
export type WorkList = z.infer<typeof workListResponse>;

/** Another reviewer's submitted evaluation, once one may see it. */
export const otherEvaluationSchema = z.object({
  /** "Evaluator A", "Evaluator B" … by the order of the assignments. */
  label: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  scores: z.array(scoreSchema),
});

/**
 * The proposal as a reviewer reads it: its identity, form and answers, links and evidence; not the
 * contact person's phone and e-mail (a reviewer goes through the secretariat), not the proposer's
 * completeness or abilities.
 */
export const reviewProposalSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  acronym: z.string().nullable(),
  group: z.object({ id: z.number(), key: z.string(), nameId: z.string(), nameEn: z.string() }),
  category: z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() }).nullable(),
  institution: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  implementationStart: z.string().nullable(),
  innovatorKind: z.enum(['person', 'team']).nullable(),
  innovatorNames: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  receivedAt: z.string().nullable(),
  form: z.array(
    z.object({
      key: z.string(),
      labelId: z.string(),
      labelEn: z.string(),
      weight: z.number(),
    }),
  ),
  answers: z.array(z.object({ sectionKey: z.string(), text: z.string(), wordCount: z.number() })),
});
export type ReviewProposal = z.infer<typeof reviewProposalSchema>;

/** GET /review/assignments/:id: the scoring page. */
export const scoringViewResponse = z.object({
  assignmentId: z.number(),
  /** The evaluator's own letter among the proposal's reviewers ("Evaluator A"). */
  label: z.string(),
  stage: stageSummarySchema,
  proposal: reviewProposalSchema,
  criteria: z.array(criterionSchema),
  /** The evidence files beside the text, served through the assignment. */
  attachments: z.array(attachmentSchema),
  evaluation: evaluationSchema,
  /**
   * Other reviewers' evaluations: null while hidden (the stage's hideOthersUntilSubmitted, or for the
   * panel hideOthersUntilClosed: each panelist's sheet is shown to the others once the stage closes).
   */
  others: z.array(otherEvaluationSchema).nullable(),
  othersHidden: z.boolean(),
  /** What the others wait for: one's own submit, or the stage's closing; null when shown. */
  othersHiddenUntil: z.enum(['submit', 'closing']).nullable(),
  /** The reviewer's conflict of interest with this proposal (they abstain, scoring is refused), or null. */
  conflict: z.array(textSchema).nullable(),
  abilities: z.object({ score: z.boolean(), submit: z.boolean() }),
});
export type ScoringView = z.infer<typeof scoringViewResponse>;

export const saveEvaluationResponse = z.object({
  version: z.number(),
  savedAt: z.string(),
  total: z.number().nullable(),
});
export type SaveEvaluationResult = z.infer<typeof saveEvaluationResponse>;

/** GET /competitions/:id/stages/:stageId/rubric: the stage's rubric per group (read-only for now). */
export const rubricResponse = z.object({
  stage: stageSummarySchema,
  groups: z.array(
    z.object({
      id: z.number(),
      key: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      criteria: z.array(criterionSchema),
      totalWeight: z.number(),
    }),
  ),
  prepared: z.boolean(),
  /** Once an evaluation exists the rubric is fixed (scores refer to its criteria). */
  locked: z.boolean(),
  abilities: z.object({ prepare: z.boolean() }),
});
export type RubricView = z.infer<typeof rubricResponse>;

export const PROGRESS_FILTERS = ['all', 'unfinished', 'overdue', 'submitted'] as const;
export const progressQuery = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(PROGRESS_FILTERS).optional()),
  reviewerId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  q: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(200).optional()),
});

export const progressResponse = z.object({
  stage: stageSummarySchema,
  totals: z.object({
    proposals: z.number(),
    assignments: z.number(),
    notStarted: z.number(),
    draft: z.number(),
    submitted: z.number(),
    overdue: z.number(),
  }),
  reviewers: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      email: z.string(),
      assigned: z.number(),
      notStarted: z.number(),
      draft: z.number(),
      submitted: z.number(),
      overdue: z.number(),
    }),
  ),
  proposals: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      title: z.string(),
      groupKey: z.string(),
      reviewers: z.array(
        z.object({
          /** The assignment (its score sheet once submitted: GET /review/assignments/:id/score-sheet.pdf). */
          assignmentId: z.number(),
          userId: z.number(),
          name: z.string(),
          status: z.enum(EVALUATION_STATUSES),
          total: z.number().nullable(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  generatedAt: z.string(),
  /** exportScores: the stage's scores as XLSX and each submitted score sheet (`scores.export`). */
  abilities: z.object({ exportScores: z.boolean() }),
});
export type ReviewProgress = z.infer<typeof progressResponse>;

export { textSchema as reviewTextSchema };
