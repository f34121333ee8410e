import { z } from 'zod';
import { proposalFilterFields, proposalStateSchema } from './proposals.js';

/*
 * The secretariat's submission dashboard (counts only) and the export of its list of proposals.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });

const breakdownSchema = z.object({
  key: z.string(),
  label: textMsg,
  /** Every proposal of the slice, whatever its state. */
  started: z.number(),
  /** Those forwarded to or received by the organizer. */
  submitted: z.number(),
});
export type DashboardBreakdown = z.infer<typeof breakdownSchema>;

export const dashboardResponse = z.object({
  competition: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    year: z.number(),
    status: z.enum(['draft', 'published', 'archived']),
    timeZone: z.string(),
  }),
  submission: z.object({
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    /** Set once the closing has run (proposals received or frozen). */
    closedAt: z.string().nullable(),
    extensions: z.number(),
  }),
  /** The server's clock when the numbers were counted. */
  generatedAt: z.string(),
  totals: z.object({
    started: z.number(),
    withProposer: z.number(),
    withLocalAdmin: z.number(),
    submitted: z.number(),
    frozen: z.number(),
  }),
  byState: z.array(z.object({ state: proposalStateSchema, label: textMsg, count: z.number() })),
  byGroup: z.array(breakdownSchema),
  byCategory: z.array(breakdownSchema),
  byInstitutionType: z.array(breakdownSchema),
  byProvince: z.array(breakdownSchema),
  /** Day by day on the competition's wall clock, from the first day anything happened to the last. */
  perDay: z.array(
    z.object({ date: z.string(), started: z.number(), sent: z.number(), forwarded: z.number() }),
  ),
  abilities: z.object({
    /** Open the list of proposals that reached the organizer, and export it. */
    viewList: z.boolean(),
    export: z.boolean(),
    /** Extend the submission deadline (with a letter number). */
    extend: z.boolean(),
  }),
});
export type DashboardResponse = z.infer<typeof dashboardResponse>;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** GET /competitions/:id/proposals/export: the dashboard list's filters and order, as a file. */
export const proposalExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Format berkas: csv atau xlsx.|File format: csv or xlsx.' }),
  /** The language of the headers and labels; the caller's own when not given. */
  lang: z.preprocess(
    blankToUndefined,
    z.enum(['id', 'en'], { error: 'Bahasa: id atau en.|Language: id or en.' }).optional(),
  ),
  ...proposalFilterFields,
});
export type ProposalExportQuery = z.infer<typeof proposalExportQuery>;
