import { z } from 'zod';
import { awardLevelSchema } from './awards.js';
import { cleanLongText, cleanText } from './text.js';

/*
 * The final session and the published results (issue 13 points 4–6): the panel's plenary view, its
 * decisions, the final session's settings (awards per group, the ceremony), publishing the results with the
 * decree, and the public results page. Custom messages are written "Bahasa Indonesia|English".
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const idNumber = z.coerce.number().int().min(1).max(2_147_483_647);

export const resultsParams = z.object({ id: idNumber });
export const decisionParams = z.object({ id: idNumber, proposalId: idNumber });

export const PLENARY_SORTS = ['presentation', 'combined', 'name'] as const;
export const plenaryQuery = z.object({
  sort: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(PLENARY_SORTS, { error: 'Urutan tidak dikenal.|Unknown sort.' }).optional(),
  ),
});

/**
 * Field verification's findings on one finalist (issue 13 point 3, built by its own module and wired in
 * after the merge): the claims confirmed / partly / not found and the verifier's recommendation.
 */
export const fieldFindingsSummary = z.object({
  confirmed: z.number(),
  partly: z.number(),
  notFound: z.number(),
  recommendation: z.string().nullable(),
});
export type FieldFindingsSummary = z.infer<typeof fieldFindingsSummary>;

/**
 * The public's ratings of a finalist's benefit (issue 13 point 8, wired in after the merge): an input to
 * the panel, never the decision.
 */
export const publicRatingSummary = z.object({
  mean: z.number(),
  count: z.number(),
  anomaly: z.boolean(),
});
export type PublicRatingSummary = z.infer<typeof publicRatingSummary>;

export const awardSpecSchema = z.object({
  key: z.string(),
  groupKey: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  level: awardLevelSchema,
  places: z.number(),
});

export const ceremonySchema = z.object({
  startsAt: z.string(),
  place: z.string(),
  notesId: z.string(),
  notesEn: z.string(),
});

export const finalPanelSettingsSchema = z.object({
  awards: z.array(awardSpecSchema),
  ceremony: ceremonySchema.nullable(),
});

/** PUT /competitions/:id/final-session/settings: checked field by field by domain/final-panel-settings. */
export const finalPanelSettingsBody = z.object({
  awards: z.array(
    z.object({
      key: z.unknown(),
      groupKey: z.unknown(),
      labelId: z.unknown(),
      labelEn: z.unknown(),
      level: z.unknown(),
      places: z.unknown(),
    }),
  ),
  ceremony: z
    .object({
      startsAt: z.unknown(),
      place: cleanText().optional(),
      notesId: cleanLongText().optional(),
      notesEn: cleanLongText().optional(),
    })
    .nullable()
    .optional(),
});
export type FinalPanelSettingsBody = z.infer<typeof finalPanelSettingsBody>;

/** PUT /competitions/:id/final-session/decisions/:proposalId. `awardKey` null = not awarded. */
export const decisionBody = z.object({
  awardKey: z.string().max(64).nullable(),
  reason: cleanLongText('Alasan keputusan wajib diisi.|The reason for the decision is required.'),
  /** The decision's version the page showed (absent for a first decision). */
  version: z.number().int().min(1).optional(),
});
export type DecisionBody = z.infer<typeof decisionBody>;

/**
 * The decree of the results, written in full: "Keputusan Menteri PANRB Nomor 18 Tahun 2019" (the minister
 * may be written out), with its number and year.
 */
export const DECREE_PATTERN = /^Keputusan Menteri\s.+\sNomor\s+\S+\s+Tahun\s+(19|20)\d{2}$/i;
export const resultsDecreeSchema = cleanText('Nomor keputusan wajib diisi.|The decree number is required.')
  .trim()
  .min(1, 'Nomor keputusan wajib diisi.|The decree number is required.')
  .max(100, 'Nomor keputusan paling panjang 100 karakter.|The decree number is at most 100 characters.')
  .refine(
    (s) => DECREE_PATTERN.test(s),
    'Tulis keputusan lengkap, mis. "Keputusan Menteri PANRB Nomor 18 Tahun 2019".|Write the decree in full, e.g. "Keputusan Menteri PANRB Nomor 18 Tahun 2019".',
  );

/** POST /competitions/:id/final-session/publish. */
export const publishResultsBody = z.object({ decreeNumber: resultsDecreeSchema });

export const decisionSchema = z.object({
  awardKey: z.string().nullable(),
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  version: z.number(),
});

export const plenaryFinalistSchema = z.object({
  proposal: z.object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    institution: z.string(),
    unit: z.string(),
  }),
  /** One per scored stage of `scoredStages`, in its order. */
  scores: z.array(z.object({ stageId: z.number(), score: z.number().nullable() })),
  presentationScore: z.number().nullable(),
  /** The mean of the scores the finalist has (each 0–100); null with none. */
  combined: z.number().nullable(),
  /** Reviewers' comments on their submitted sheets (no reviewer named). */
  notes: z.array(z.object({ stageId: z.number(), criterion: textMsg, comment: z.string() })),
  /** null: not available (the field verification or the public rating has not produced it). */
  fieldFindings: fieldFindingsSummary.nullable(),
  publicRating: publicRatingSummary.nullable(),
  decision: decisionSchema.nullable(),
});
export type PlenaryFinalist = z.infer<typeof plenaryFinalistSchema>;

export const awardTallySchema = z.object({
  awardKey: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  places: z.number(),
  awarded: z.number(),
  status: z.enum(['under', 'exact', 'over']),
  warning: textMsg.nullable(),
});

export const missingSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  missing: z.array(z.enum(['presentation_score', 'decision'])),
});
export type MissingForResults = z.infer<typeof missingSchema>;

/** GET /competitions/:id/final-session. */
export const plenaryResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number(), timeZone: z.string() }),
  stage: z.object({ id: z.number(), nameId: z.string(), nameEn: z.string() }),
  scoredStages: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      decided: z.boolean(),
    }),
  ),
  /** The stage whose score is the presentation score (null: the competition has none). */
  presentationStageId: z.number().nullable(),
  /** Whether the field findings and public ratings inputs are wired (else the columns say "belum ada"). */
  inputs: z.object({ fieldFindings: z.boolean(), publicRatings: z.boolean() }),
  settings: finalPanelSettingsSchema,
  sort: z.enum(PLENARY_SORTS),
  groups: z.array(
    z.object({
      key: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      tallies: z.array(awardTallySchema),
      finalists: z.array(plenaryFinalistSchema),
    }),
  ),
  missing: z.array(missingSchema),
  published: z.object({ at: z.string(), decreeNumber: z.string() }).nullable(),
  abilities: z.object({ decide: z.boolean(), manage: z.boolean(), publish: z.boolean() }),
});
export type PlenaryResponse = z.infer<typeof plenaryResponse>;

export const publishResultsResponse = z.object({
  publishedAt: z.string(),
  decreeNumber: z.string(),
  finalists: z.number(),
  awarded: z.number(),
  registryRows: z.number(),
  /** Certificates issued (one per finalist and one per award); their PDFs follow in the background. */
  certificates: z.number(),
  mails: z.number(),
});

/** GET /competitions/:id/results (public). */
export const publicResultsResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number(), timeZone: z.string() }),
  decreeNumber: z.string(),
  publishedAt: z.string(),
  ceremony: ceremonySchema.nullable(),
  groups: z.array(
    z.object({
      key: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      entries: z.array(
        z.object({
          proposalId: z.number(),
          code: z.string(),
          title: z.string(),
          institution: z.string(),
          /** Its page in the public gallery (/galeri/:slug), null when it is not there. */
          gallerySlug: z.string().nullable(),
          award: z.object({ key: z.string(), labelId: z.string(), labelEn: z.string() }).nullable(),
        }),
      ),
    }),
  ),
});
export type PublicResults = z.infer<typeof publicResultsResponse>;
