import { z } from 'zod';

/* The near-duplicate check at the administrative check (issue 14 point 5): requests and answers. */

const text = z.object({ id: z.string(), en: z.string() });

export const MATCH_DECISIONS = ['confirmed_same', 'dismissed'] as const;

export const matchIdParams = z.object({ id: z.coerce.number().int().positive() });

export const matchDecisionBody = z.object({
  decision: z.enum(MATCH_DECISIONS),
  note: z.string().max(4000).nullish(),
  /** The proposal whose page decides (its matches are answered); default the match's own proposal. */
  proposalId: z.number().int().positive().optional(),
});

export const checkRequestedResponse = z.object({
  jobId: z.number(),
  status: z.string(),
});

const run = z.object({
  status: z.enum(['none', 'pending', 'running', 'done', 'failed']),
  requestedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const competitionChecksResponse = z.object({
  run,
  counts: z.object({ open: z.number(), confirmed_same: z.number(), dismissed: z.number() }),
  abilities: z.object({ check: z.boolean() }),
});

/** One side of a shared passage: the answer's section and the text around the passage. */
const side = z.object({
  section: text,
  before: z.string(),
  shared: z.string(),
  after: z.string(),
});

export const matchSchema = z.object({
  id: z.number(),
  kind: z.enum(['renamed', 'repeat', 'copied_passage', 'copied_within']),
  kindLabel: text,
  scoresText: text,
  scores: z.object({
    title: z.number(),
    answers: z.number(),
    containment: z.number(),
    passageWords: z.number(),
  }),
  status: z.enum(['open', 'confirmed_same', 'dismissed']),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The other proposal. Another organizer's: title, institution, year and passages only (code etc. null). */
  other: z.object({
    title: z.string(),
    institution: z.string(),
    year: z.number(),
    sameOrganizer: z.boolean(),
    proposalId: z.number().nullable(),
    code: z.string().nullable(),
    competition: z.string().nullable(),
  }),
  passages: z.array(z.object({ words: z.number(), mine: side, other: side })),
});

export const proposalMatchesResponse = z.object({
  proposalId: z.number(),
  run,
  matches: z.array(matchSchema),
  consequence: text,
  abilities: z.object({ decide: z.boolean(), check: z.boolean() }),
});
