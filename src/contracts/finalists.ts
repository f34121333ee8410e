import { z } from 'zod';
import { letterNumberSchema } from './announcements.js';
import { cleanLongText, cleanText } from './text.js';

/*
 * The finalists (issue 12 points 7–8): their settings, the staged selection with each candidate's
 * explanation, the provisional list's publication (the uji publik opens) and the final list with its decree.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const finalistsParams = z.object({ id: idNumber });

export const FINALIST_FILTERS = ['all', 'selected', 'added', 'removed', 'plain'] as const;
export type FinalistFilter = (typeof FINALIST_FILTERS)[number];

export const finalistsQuery = z.object({
  group: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()),
  filter: z.preprocess(blankToUndefined, z.enum(FINALIST_FILTERS).optional()),
  q: z.preprocess(blankToUndefined, cleanText().trim().max(200).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional()),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).optional()),
});

const quotaSchema = z.object({
  key: z.string(),
  dimension: z.enum(['category', 'participantType', 'province', 'is3T']),
  value: z.string(),
  group: z.string().nullable().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  label: textMsg.optional(),
});

export const finalistSettingsSchema = z.object({
  perGroup: z.record(z.string(), z.number()),
  passMark: z.number().nullable(),
  quotas: z.array(quotaSchema),
  threeTRegions: z.array(z.string()),
});

/**
 * PUT /competitions/:id/finalists/settings. Only the shape here; what the values mean (groups, categories,
 * participant types, provinces, min ≤ max, unique keys) is checked by domain/finalist-settings.ts, field
 * by field.
 */
export const finalistSettingsBody = z.object({
  perGroup: z.record(z.string(), z.unknown()).optional(),
  passMark: z.unknown().optional(),
  quotas: z.array(z.unknown()).max(1000).optional(),
  threeTRegions: z.array(z.unknown()).max(5000).optional(),
});

const optionalText = (max: number) => z.preprocess(blankToUndefined, cleanText().trim().max(max).optional());
const optionalLong = (max: number) =>
  z.preprocess(blankToUndefined, cleanLongText().trim().max(max).optional());

/** POST /competitions/:id/finalists/publish: the provisional list (texts default to the standard ones). */
export const publishFinalistsBody = z.object({
  letterNumber: letterNumberSchema,
  /** The selection's version the secretariat looked at: a recompute in between answers 409. */
  version: z.number().int().min(1),
  titleId: optionalText(255),
  titleEn: optionalText(255),
  bodyId: optionalLong(5000),
  bodyEn: optionalLong(5000),
});
export type PublishFinalistsBody = z.infer<typeof publishFinalistsBody>;

/** A decree (Keputusan / SK) number: free in shape, but it names a number. */
export const decreeNumberSchema = cleanText()
  .trim()
  .min(1, 'Nomor keputusan wajib diisi.|The decree number is required.')
  .max(100, 'Nomor keputusan paling panjang 100 karakter.|The decree number is at most 100 characters.')
  .refine(
    (s) => /[0-9]/.test(s) && s.length >= 3,
    'Nomor keputusan memuat nomornya, mis. 123 Tahun 2026 atau B/123/M.KT.01/2026.|' +
      'The decree number contains its number, e.g. 123 Tahun 2026 or B/123/M.KT.01/2026.',
  );

/** POST /competitions/:id/finalists/final: the final list after the uji publik. */
export const fixFinalistsBody = z.object({
  decreeNumber: decreeNumberSchema,
  titleId: optionalText(255),
  titleEn: optionalText(255),
  bodyId: optionalLong(5000),
  bodyEn: optionalLong(5000),
});
export type FixFinalistsBody = z.infer<typeof fixFinalistsBody>;

const problemSchema = z.object({
  key: z.string(),
  reason: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  available: z.number(),
  places: z.number(),
  text: textMsg,
});

const quotaOutcomeSchema = z.object({
  key: z.string(),
  label: textMsg,
  min: z.number().nullable(),
  max: z.number().nullable(),
  available: z.number(),
  plainCount: z.number(),
  selectedCount: z.number(),
});

export const finalistLineSchema = z.object({
  proposal: z.object({ id: z.number(), code: z.string(), title: z.string(), institution: z.string() }),
  groupKey: z.string(),
  score: z.number(),
  rank: z.number(),
  passesMark: z.boolean(),
  inPlainTop: z.boolean(),
  selected: z.boolean(),
  /** Selected and published, then taken off the list by an upheld objection in the uji publik. */
  removedByObjection: z.boolean(),
  reason: z.string(),
  quotas: z.array(z.string()),
  explanation: textMsg,
});
export type FinalistLine = z.infer<typeof finalistLineSchema>;

export const finalistsResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }),
  stage: z.object({ id: z.number(), nameId: z.string(), nameEn: z.string() }),
  groups: z.array(z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() })),
  categories: z.array(z.object({ key: z.string(), nameId: z.string(), nameEn: z.string() })),
  settings: finalistSettingsSchema,
  evidenceStage: z.object({ id: z.number(), nameId: z.string(), nameEn: z.string(), decided: z.boolean() }),
  candidates: z.number(),
  objectionWindow: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable() }),
  selection: z
    .object({
      version: z.number(),
      computedAt: z.string(),
      computedBy: z.string(),
      feasible: z.boolean(),
      /** The settings changed since it was computed: compute again before publishing. */
      stale: z.boolean(),
      problems: z.array(problemSchema),
      problemText: textMsg.nullable(),
      quotaOutcomes: z.array(quotaOutcomeSchema),
      groups: z.array(
        z.object({
          key: z.string(),
          places: z.number(),
          selected: z.number(),
          plainTop: z.number(),
          added: z.number(),
          removed: z.number(),
          unfilled: z.number(),
        }),
      ),
      totalScore: z.number().nullable(),
      stats: z.object({ method: z.string(), modelled: z.number(), eligible: z.number(), ms: z.number() }),
      provisional: z.object({ publishedAt: z.string(), letterNumber: z.string() }).nullable(),
      final: z.object({ publishedAt: z.string(), decreeNumber: z.string() }).nullable(),
    })
    .nullable(),
  /** After the provisional publication: whether the final list can be fixed, and what blocks it. */
  closing: z
    .object({
      ready: z.boolean(),
      blockers: z.array(z.object({ code: z.string(), message: textMsg })),
      finalists: z.number(),
      removed: z.number(),
    })
    .nullable(),
  lines: z.object({
    matching: z.number(),
    page: z.number(),
    pageSize: z.number(),
    rows: z.array(finalistLineSchema),
  }),
  abilities: z.object({
    edit: z.boolean(),
    compute: z.boolean(),
    publish: z.boolean(),
    fix: z.boolean(),
  }),
});
export type FinalistsResponse = z.infer<typeof finalistsResponse>;

export const computeFinalistsResponse = z.object({
  version: z.number(),
  feasible: z.boolean(),
  selected: z.number(),
  added: z.number(),
  removed: z.number(),
  candidates: z.number(),
  problemText: textMsg.nullable(),
});

const publishedSummary = z.object({
  id: z.number(),
  kind: z.string(),
  letterNumber: z.string(),
  publishedAt: z.string(),
  entries: z.number(),
});

export const publishFinalistsResponse = z.object({ announcement: publishedSummary, moved: z.number() });
export const fixFinalistsResponse = z.object({
  announcement: publishedSummary,
  finalists: z.number(),
  removed: z.number(),
  mails: z.number(),
  institutions: z.number(),
});
