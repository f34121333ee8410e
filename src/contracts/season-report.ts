import { z } from 'zod';

/*
 * The season report (issue 13 point 7): a competition's funnel from the proposals registered to the Top
 * Terpuji, broken down by category, group, participant type and region, and the same organizer's
 * competitions compared year by year. Counts only, never a proposal's content.
 */

/** The funnel's steps in order (domain/season-report.ts says how a proposal reaches each). */
export const FUNNEL_STEPS = [
  'registered',
  'forwarded',
  'passedAdmin',
  'nominated',
  'finalist',
  'topTerpuji',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The breakdowns, in the order the page and the workbook show them. */
export const REPORT_BREAKDOWNS = ['category', 'group', 'participantType', 'region'] as const;
export type ReportBreakdown = (typeof REPORT_BREAKDOWNS)[number];

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const seasonReportParams = z.object({ id: idNumber });

/** `provinsi`: only the proposals of institutions in that province (two-digit code, e.g. 33). */
export const seasonReportQuery = z.object({
  provinsi: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(
        /^[0-9]{2}$/,
        'Kode provinsi ditulis dua angka, misalnya 33.|A province code is two digits, e.g. 33.',
      )
      .optional(),
  ),
  lang: z.enum(['id', 'en'], { error: 'Bahasa: id atau en.|Language: id or en.' }).optional(),
});
export type SeasonReportQuery = z.infer<typeof seasonReportQuery>;

const textMsg = z.object({ id: z.string(), en: z.string() });
const countsSchema = z.object(
  Object.fromEntries(FUNNEL_STEPS.map((s) => [s, z.number()])) as Record<FunnelStep, z.ZodNumber>,
);
export type FunnelCounts = z.infer<typeof countsSchema>;

const funnelStepSchema = z.object({
  key: z.enum(FUNNEL_STEPS),
  label: textMsg,
  count: z.number(),
  /** count / the previous step's count (0–1); null for the first step or when the previous is 0. */
  ofPrevious: z.number().nullable(),
  /** count / registered (0–1); null when nothing was registered. */
  ofRegistered: z.number().nullable(),
});
export type FunnelStepView = z.infer<typeof funnelStepSchema>;

const sliceSchema = z.object({ key: z.string(), label: textMsg, counts: countsSchema });
export type ReportSlice = z.infer<typeof sliceSchema>;

const scopeSchema = z.object({
  /** The province the report is limited to (null: every proposal of the competition). */
  province: z.object({ code: z.string(), label: textMsg }).nullable(),
  /** The region breakdown's level: provinces, or the regencies/cities of one province. */
  regionLevel: z.enum(['province', 'regency']),
  /** The provinces the caller may filter by (those with proposals); empty when the filter does not apply. */
  provinces: z.array(z.object({ code: z.string(), label: textMsg })),
});

export const seasonReportResponse = z.object({
  competition: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    year: z.number(),
    timeZone: z.string(),
    organizerName: z.string(),
  }),
  scope: scopeSchema,
  /** False while the final finalist list is not fixed: the finalist step counts the provisional list. */
  finalListPublished: z.boolean(),
  funnel: z.array(funnelStepSchema),
  breakdowns: z.object(
    Object.fromEntries(REPORT_BREAKDOWNS.map((b) => [b, z.array(sliceSchema)])) as Record<
      ReportBreakdown,
      z.ZodArray<typeof sliceSchema>
    >,
  ),
  generatedAt: z.string(),
  abilities: z.object({ downloadXlsx: z.boolean(), filterProvince: z.boolean() }),
});
export type SeasonReport = z.infer<typeof seasonReportResponse>;

export const seasonYearsResponse = z.object({
  organizer: z.object({ id: z.number(), name: z.string() }),
  province: z.object({ code: z.string(), label: textMsg }).nullable(),
  /** The organizer's competitions by year (oldest first), each with its funnel. */
  competitions: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      year: z.number(),
      funnel: z.array(funnelStepSchema),
    }),
  ),
});
export type SeasonYears = z.infer<typeof seasonYearsResponse>;
