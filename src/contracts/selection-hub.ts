import { z } from 'zod';

/*
 * The selection's hub (issue 12): a competition's selection steps in order, each with its window (instants;
 * the page shows them with hour and zone), its status, its counts and the path of its page, with whether the
 * caller may open that page (computed by the policy).
 */

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
export const selectionParams = z.object({ id: idNumber });

/**
 * The steps in order: seed 000 steps 3–5, then the finalists and the uji publik (kipp-reference §5–§7),
 * then the Tim Panel Independen's steps and the results (issue 13): the presentation schedule, the
 * presentation scored by the panel, the public rating, the field verification, the final session, the
 * certificates.
 */
export const SELECTION_STEPS = [
  'administrative',
  'publication',
  'team',
  'assignment',
  'evaluation_1',
  'results_1',
  'evaluation_2',
  'results_2',
  'finalists',
  'public_objection',
  'presentation_schedule',
  'presentation',
  'public_rating',
  'field_verification',
  'final_session',
  'certificates',
] as const;
export type SelectionStep = (typeof SELECTION_STEPS)[number];

/** The steps of the Tim Panel Independen and the results: the page lists them under their own heading. */
export const PANEL_STEPS: readonly SelectionStep[] = [
  'presentation_schedule',
  'presentation',
  'public_rating',
  'field_verification',
  'final_session',
  'certificates',
];

/** Why a step reads as it does beyond its status (texts in the web app by key): the public rating is off. */
export const STEP_NOTES = ['ratingOff'] as const;

/** Where a step stands (domain/selection-hub.ts `stepStatus`). */
export const STEP_STATUSES = ['not_open', 'open', 'closed', 'decided', 'published'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

const stepKey = z.enum(SELECTION_STEPS);

export const selectionStepSchema = z.object({
  key: stepKey,
  /** The stage row the step belongs to (null: none, e.g. the team; or the competition lacks that stage). */
  stage: z.object({ id: z.number(), nameId: z.string(), nameEn: z.string() }).nullable(),
  window: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable() }).nullable(),
  status: z.enum(STEP_STATUSES),
  /** Named counts (texts in the web app by key); `of` when the count is part of a whole. */
  counts: z.array(z.object({ key: z.string(), value: z.number(), of: z.number().optional() })),
  /** The page's path in the web app; null when the step has no page (yet) in this competition. */
  path: z.string().nullable(),
  note: z.enum(STEP_NOTES).optional(),
  abilities: z.object({ open: z.boolean() }),
});
export type SelectionStepView = z.infer<typeof selectionStepSchema>;

export const selectionSummaryResponse = z.object({
  competition: z.object({
    id: z.number(),
    name: z.string(),
    year: z.number(),
    status: z.string(),
    timeZone: z.string(),
  }),
  steps: z.array(selectionStepSchema),
});
export type SelectionSummary = z.infer<typeof selectionSummaryResponse>;
