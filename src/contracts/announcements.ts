import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * Publishing a stage's results (issue 12 point 1, next the finalists of points 7–8): the readiness the
 * secretariat sees before publishing, the publish request (letter number, texts in both languages) and the
 * public announcement (no account needed).
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The kinds of announcement; one per stage and kind. The finalists (issue 12 points 7–8) publish the
 * provisional list before the uji publik and the final one after it, through the same insertAnnouncement.
 */
export const ANNOUNCEMENT_KINDS = [
  'administrative_results',
  'finalists_provisional',
  'finalists_final',
  'final_results',
] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/**
 * A government letter number (tata naskah dinas), e.g. B/187/PP.00.05/2022: three to eight parts
 * separated by "/", each of letters, digits, dots or hyphens; one part is the serial number (digits) and
 * the last is the year (four digits).
 */
const LETTER_PARTS = /^[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+){2,7}$/;

/** True when `s` has the shape of a letter number (see above). */
export function isLetterNumber(s: string): boolean {
  if (!LETTER_PARTS.test(s)) return false;
  const parts = s.split('/');
  return (
    /^(19|20)[0-9]{2}$/.test(parts[parts.length - 1]!) && parts.slice(0, -1).some((p) => /^[0-9]+$/.test(p))
  );
}

export const LETTER_NUMBER_MESSAGE =
  'Nomor surat ditulis seperti B/187/PP.00.05/2022: bagian-bagian dipisah garis miring, memuat nomor urut, dan diakhiri tahun.|' +
  'Write the letter number like B/187/PP.00.05/2022: parts separated by slashes, with a serial number, ending in the year.';

export const letterNumberSchema = cleanText()
  .trim()
  .min(1, 'Nomor surat wajib diisi.|The letter number is required.')
  .max(100, 'Nomor surat paling panjang 100 karakter.|The letter number is at most 100 characters.')
  .refine(isLetterNumber, LETTER_NUMBER_MESSAGE);

/** POST /competitions/:id/publication/administrative. */
export const publishBody = z.object({
  letterNumber: letterNumberSchema,
  titleId: cleanText()
    .trim()
    .min(1, 'Judul (Bahasa Indonesia) wajib diisi.|The title (Indonesian) is required.')
    .max(255, 'Judul paling panjang 255 karakter.|The title is at most 255 characters.'),
  titleEn: cleanText()
    .trim()
    .min(1, 'Judul (Bahasa Inggris) wajib diisi.|The title (English) is required.')
    .max(255, 'Judul paling panjang 255 karakter.|The title is at most 255 characters.'),
  bodyId: cleanLongText()
    .trim()
    .min(1, 'Isi pengumuman (Bahasa Indonesia) wajib diisi.|The text (Indonesian) is required.')
    .max(5000, 'Isi pengumuman paling panjang 5.000 karakter.|The text is at most 5,000 characters.'),
  bodyEn: cleanLongText()
    .trim()
    .min(1, 'Isi pengumuman (Bahasa Inggris) wajib diisi.|The text (English) is required.')
    .max(5000, 'Isi pengumuman paling panjang 5.000 karakter.|The text is at most 5,000 characters.'),
});
export type PublishBody = z.infer<typeof publishBody>;

/** One line of a published list (public): the proposals that passed. */
export const announcementEntry = z.object({
  /** The finalists' lists carry it: each finalist links to the objection form (uji publik). */
  proposalId: z.number().optional(),
  code: z.string(),
  title: z.string(),
  institution: z.string(),
  group: textMsg,
  /** The published results (issue 13) name each finalist's award ("Finalis (Top 99)" when none). */
  award: textMsg.optional(),
});
export type AnnouncementEntry = z.infer<typeof announcementEntry>;

export const announcementSummary = z.object({
  id: z.number(),
  kind: z.string(),
  letterNumber: z.string(),
  titleId: z.string(),
  titleEn: z.string(),
  publishedAt: z.string(),
  entries: z.number(),
});

/** GET /competitions/:id/announcements (public). */
export const announcementListResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  rows: z.array(announcementSummary),
});

export const announcementParams = z.object({
  id: z.coerce.number().int().positive(),
  kind: z.enum(ANNOUNCEMENT_KINDS, { error: 'Jenis pengumuman tidak dikenal.|Unknown announcement kind.' }),
});

export const announcementQuery = z.object({
  q: optionalQuery(cleanText().trim().max(200)),
  page: optionalQuery(z.coerce.number().int().min(1).max(10_000)),
  pageSize: optionalQuery(z.coerce.number().int().min(1).max(200)),
});

/** GET /competitions/:id/announcements/:kind (public): the announcement and a page of its list. */
export const announcementResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  announcement: announcementSummary.extend({ bodyId: z.string(), bodyEn: z.string() }),
  matching: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(announcementEntry),
});

const blocker = z.object({
  code: z.enum(['undecided', 'awaiting_completion', 'completion_overdue']),
  message: textMsg,
  count: z.number(),
  /** The first proposals concerned (codes), at most 20. */
  codes: z.array(z.string()),
});

/** GET /competitions/:id/publication/administrative: what the secretariat sees before publishing. */
export const readinessResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  stage: z.object({ id: z.number(), nameId: z.string(), nameEn: z.string() }),
  counts: z.object({
    received: z.number(),
    passed: z.number(),
    disqualified: z.number(),
    undecided: z.number(),
    awaitingCompletion: z.number(),
    completionOverdue: z.number(),
    /** Institutions that will be told (each of its active admin lokal gets one mail). */
    institutions: z.number(),
    recipients: z.number(),
  }),
  blockers: z.array(blocker),
  ready: z.boolean(),
  /** The texts proposed for the form (the competition's name filled in). */
  defaults: z.object({ titleId: z.string(), titleEn: z.string(), bodyId: z.string(), bodyEn: z.string() }),
  /** The list the public will see (first 50), for the preview. */
  preview: z.array(announcementEntry),
  published: announcementSummary.nullable(),
  abilities: z.object({ publish: z.boolean() }),
});
export type ReadinessResponse = z.infer<typeof readinessResponse>;

export const publishResponse = z.object({
  announcement: announcementSummary,
  moved: z.object({ passed: z.number(), disqualified: z.number() }),
  mails: z.number(),
  institutions: z.number(),
});
