import { z } from 'zod';
import { cleanLongText } from './text.js';
import { localeSchema } from './auth.js';

/*
 * Public participation (issue 13 point 8): the public page (the finalists' public summary and the
 * window), the e-mail code, rating, and the organizer's side (window, summary, anomaly report, exclusion).
 */

export const competitionIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ratingWindowSchema = z.object({
  state: z.enum(['off', 'unscheduled', 'before', 'open', 'closed']),
  enabled: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeZone: z.string(),
});
export type RatingWindowView = z.infer<typeof ratingWindowSchema>;

/** What the public sees of a finalist: no contact, no innovator names, no other answers, no files. */
export const publicFinalistSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  institution: z.string(),
  category: z.string().nullable(),
  categoryEn: z.string().nullable(),
  group: z.string(),
  groupEn: z.string(),
  /** The proposal's "Ringkasan" answer, cut to SUMMARY_MAX characters. */
  summary: z.string(),
  /** The visitor's own rating in the current session, else null. */
  myRating: z.number().nullable(),
});
export type PublicFinalist = z.infer<typeof publicFinalistSchema>;
export const SUMMARY_MAX = 600;

export const publicRatingPageResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  window: ratingWindowSchema,
  /** The visitor holds a live rating session for this competition (its e-mail is never shown back). */
  verified: z.boolean(),
  sessionExpiresAt: z.string().nullable(),
  finalists: z.array(publicFinalistSchema),
});
export type PublicRatingPage = z.infer<typeof publicRatingPageResponse>;

export const requestCodeBody = z.object({
  email: z
    .string('E-mail wajib diisi.|E-mail is required.')
    .trim()
    .max(254, 'E-mail terlalu panjang.|E-mail is too long.'),
  locale: localeSchema.default('id'),
});
export const requestCodeResponse = z.object({ requestId: z.number(), expiresAt: z.string() });

export const verifyCodeBody = z.object({
  requestId: z.coerce.number().int().positive(),
  code: z
    .string('Ketik kode 6 angka dari e-mail.|Type the 6-digit code from the e-mail.')
    .trim()
    .regex(/^\d{6}$/, 'Ketik kode 6 angka dari e-mail.|Type the 6-digit code from the e-mail.'),
});
export const verifyCodeResponse = z.object({ verified: z.literal(true), expiresAt: z.string() });

export const rateBody = z.object({
  proposalId: z.number().int().positive(),
  value: z
    .number('Pilih nilai 1 sampai 5.|Choose a rating from 1 to 5.')
    .int('Pilih nilai 1 sampai 5.|Choose a rating from 1 to 5.')
    .min(1, 'Pilih nilai 1 sampai 5.|Choose a rating from 1 to 5.')
    .max(5, 'Pilih nilai 1 sampai 5.|Choose a rating from 1 to 5.'),
});
export const rateResponse = z.object({ proposalId: z.number(), value: z.number(), replaced: z.boolean() });

export const setWindowBody = z.object({
  enabled: z.boolean(),
  opensAt: z.iso.datetime({ offset: true }).nullable(),
  closesAt: z.iso.datetime({ offset: true }).nullable(),
});

export const ratingSummarySchema = z.object({
  count: z.number(),
  mean: z.number().nullable(),
  distribution: z.array(z.number()),
  anomaly: z.boolean(),
  excluded: z.number(),
});

export const anomalyGroupSchema = z.object({
  key: z.string(),
  kind: z.enum(['burst', 'ip', 'network', 'pattern']),
  proposalId: z.number().nullable(),
  ratings: z.number(),
  voters: z.number(),
  excluded: z.number(),
  from: z.string(),
  to: z.string(),
  words: z.object({ id: z.string(), en: z.string() }),
});
export type AnomalyGroupView = z.infer<typeof anomalyGroupSchema>;

export const ratingReportResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  window: ratingWindowSchema,
  /** The words that go with every figure: an input to the panel, never its decision. */
  notice: z.object({ id: z.string(), en: z.string() }),
  finalists: z.array(
    z.object({
      proposalId: z.number(),
      code: z.string(),
      title: z.string(),
      institution: z.string(),
      summary: ratingSummarySchema,
    }),
  ),
  anomalies: z.array(anomalyGroupSchema),
  exclusions: z.array(
    z.object({
      id: z.number(),
      groupKey: z.string(),
      kind: z.string(),
      reason: z.string(),
      ratings: z.number(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  abilities: z.object({ manage: z.boolean() }),
});
export type RatingReport = z.infer<typeof ratingReportResponse>;

export const excludeBody = z.object({
  groupKey: z.string().min(1).max(200),
  reason: cleanLongText('Tuliskan alasan pengecualian.|Write the reason for the exclusion.')
    .trim()
    .min(10, 'Tuliskan alasan sekurang-kurangnya 10 karakter.|Write a reason of at least 10 characters.')
    .max(2000, 'Alasan paling panjang 2000 karakter.|A reason has at most 2000 characters.'),
});
