import { z } from 'zod';
import { revisionSummarySchema } from './proposals.js';

/* A proposal's versions opened and compared (GET /proposals/:id/revisions/compare, /changes-since-return). */

export const compareQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

const diffPartSchema = z.object({ op: z.enum(['same', 'del', 'ins']), text: z.string() });
const textDiffSchema = z.object({ key: z.string(), changed: z.boolean(), parts: z.array(diffPartSchema) });
const evidenceItemSchema = z.object({
  kind: z.string(),
  sectionKey: z.string().nullable(),
  name: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const proposalDiffSchema = z.object({
  fields: z.array(textDiffSchema),
  answers: z.array(textDiffSchema),
  evidence: z.object({
    added: z.array(evidenceItemSchema),
    removed: z.array(evidenceItemSchema),
    kept: z.array(evidenceItemSchema),
  }),
  changedCount: z.number(),
});
export type ProposalDiffDto = z.infer<typeof proposalDiffSchema>;

export const compareResponse = z.object({
  from: revisionSummarySchema,
  to: revisionSummarySchema,
  diff: proposalDiffSchema,
});
export type CompareResponse = z.infer<typeof compareResponse>;

export const changesSinceReturnResponse = z.object({
  /** null: the proposal was never returned, or has not been sent again since its latest return. */
  change: z
    .object({
      returned: revisionSummarySchema,
      resent: revisionSummarySchema,
      /** The admin lokal's note at the return. */
      note: z.string().nullable(),
      diff: proposalDiffSchema,
    })
    .nullable(),
});
export type ChangesSinceReturn = z.infer<typeof changesSinceReturnResponse>;
