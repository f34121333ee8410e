import { z } from 'zod';

/*
 * The results of a scored stage (issue 12 point 5): every proposal's score from its evaluators (mean or
 * median; a third evaluator after a gap), raw and normalized side by side, which of them counts, the pass
 * mark, and the decision that sets them (the proposals that reached the pass mark advance).
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);

export const resultsParams = z.object({ id: idNumber, stageId: idNumber });
export const resultsProposalParams = z.object({ id: idNumber, stageId: idNumber, proposalId: idNumber });

export const resultsQuery = z.object({
  status: z.enum(['all', 'scored', 'waiting', 'pending_third', 'changed']).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** PUT …/results/settings: what decides passing, before the results are set. */
export const resultsSettingsBody = z.object({
  passMark: z
    .number('Isi nilai batas lulus 0–100.|Give a pass mark of 0–100.')
    .min(0, 'Nilai batas lulus 0–100.|The pass mark is 0–100.')
    .max(100, 'Nilai batas lulus 0–100.|The pass mark is 0–100.'),
  basis: z.enum(['raw', 'normalized']),
});

export const resultRowSchema = z.object({
  proposal: z.object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    institution: z.string(),
    group: z.string(),
  }),
  status: z.enum(['waiting', 'pending_third', 'scored']),
  submitted: z.number(),
  raw: z.number().nullable(),
  normalized: z.number().nullable(),
  /** The score that counts, by the basis. */
  score: z.number().nullable(),
  rank: z.number().nullable(),
  passes: z.boolean().nullable(),
  /** The pass status differs between raw and normalized. */
  basisChanges: z.boolean(),
  explanation: textMsg,
  /**
   * A stage the whole panel scores (the presentation): how many panelists sit on the finalist, how many
   * submitted, who abstains and why (a conflict of interest), who had not submitted; null otherwise.
   */
  panel: z
    .object({
      sitting: z.number(),
      scored: z.number(),
      abstainers: z.array(z.object({ reviewerId: z.number(), name: z.string(), reasons: z.array(textMsg) })),
      pending: z.array(z.number()),
      unsubmitted: z.array(z.object({ reviewerId: z.number(), name: z.string() })),
    })
    .nullable(),
  /** Set once the stage's results are decided. */
  outcome: z.enum(['advanced', 'stopped']).nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;

export const stageResultsResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  stage: z.object({
    id: z.number(),
    kind: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    closesAt: z.string().nullable(),
  }),
  stages: z.array(z.object({ id: z.number(), kind: z.string(), nameId: z.string(), nameEn: z.string() })),
  rules: z.object({
    reviewersPerProposal: z.number(),
    aggregation: z.enum(['mean', 'median']),
    gapThreshold: z.number().nullable(),
    thirdRule: z.enum(['mean_all', 'closest_pair', 'median']),
    passMark: z.number().nullable(),
    basis: z.enum(['raw', 'normalized']),
  }),
  counts: z.object({
    proposals: z.number(),
    scored: z.number(),
    waiting: z.number(),
    pendingThird: z.number(),
    passing: z.number(),
    basisChanges: z.number(),
  }),
  normalizationNote: textMsg,
  decided: z.object({ at: z.string(), by: z.string() }).nullable(),
  /** Why the results cannot be set yet, or null. */
  blocker: textMsg.nullable(),
  rows: z.array(resultRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** exportScores: the XLSX of every score of the stage (`scores.export`). */
  abilities: z.object({ settings: z.boolean(), decide: z.boolean(), exportScores: z.boolean() }),
});
export type StageResults = z.infer<typeof stageResultsResponse>;

export const decideResultsResponse = z.object({
  advanced: z.number(),
  stopped: z.number(),
  message: textMsg,
});
export const thirdReviewerResponse = z.object({
  assigned: z.boolean(),
  reviewer: z.string().nullable(),
  message: textMsg,
});
