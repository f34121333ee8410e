import { z } from 'zod';
import { EVALUATION_STATUSES, scoreSchema } from './review.js';

/*
 * Every reviewer's score sheet of one proposal in a scored stage, by name (issue 13: the secretariat reads
 * each panelist's sheet of the presentation on its results page). Panelists see each other only as
 * "Panelis A/B" after the stage closes; the organizer's secretariat sees the names, as in the XLSX of the
 * stage's scores (`scores.export`).
 */

export const reviewerSheetsParams = z.object({
  id: z.coerce.number().int().positive(),
  stageId: z.coerce.number().int().positive(),
  proposalId: z.coerce.number().int().positive(),
});

export const reviewerSheetsResponse = z.object({
  proposal: z.object({ id: z.number(), code: z.string(), title: z.string(), institution: z.string() }),
  stage: z.object({
    id: z.number(),
    kind: z.string(),
    team: z.enum(['evaluation', 'panel']),
    closesAt: z.string().nullable(),
    timeZone: z.string(),
  }),
  /** The rubric of the proposal's group, in order. */
  criteria: z.array(
    z.object({ id: z.number(), labelId: z.string(), labelEn: z.string(), weight: z.number() }),
  ),
  /** One per active assignment, in the order they were made; scores once submitted only (a draft is the reviewer's own). */
  sheets: z.array(
    z.object({
      reviewerId: z.number(),
      name: z.string(),
      status: z.enum(EVALUATION_STATUSES),
      total: z.number().nullable(),
      submittedAt: z.string().nullable(),
      scores: z.array(scoreSchema),
    }),
  ),
});
export type ReviewerSheets = z.infer<typeof reviewerSheetsResponse>;
