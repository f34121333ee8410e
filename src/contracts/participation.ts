import { z } from 'zod';
import { institutionTypeSchema } from './institutions.js';

/*
 * The participation view (issue 11 point 7): who has forwarded something in a competition, per participant
 * institution (organizer) or per unit of one institution (admin lokal), and the reminders to those that have not.
 */

const textMsg = z.object({ id: z.string(), en: z.string() });
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalQuery = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const PARTICIPATION_STATUS_VALUES = ['forwarded', 'in_progress', 'nothing'] as const;
export const participationStatusSchema = z.enum(PARTICIPATION_STATUS_VALUES, {
  error: 'Status partisipasi tidak dikenal.|Unknown participation status.',
});

const filterFields = {
  status: optionalQuery(participationStatusSchema),
  /** Words of the name; abbreviations such as Kab., Kota, Prov., Pemkab, Pemprov match. */
  q: optionalQuery(z.string().trim().max(200)),
};

export const institutionParticipationQuery = z.object({
  ...filterFields,
  institutionType: optionalQuery(institutionTypeSchema),
  provinceCode: optionalQuery(
    z
      .string()
      .regex(
        /^([0-9]{2}|pusat|tidak_diketahui)$/,
        'Kode provinsi ditulis dua angka, misalnya 32.|A province code is two digits, e.g. 32.',
      ),
  ),
  page: optionalQuery(z.coerce.number().int().min(1).max(10_000)),
  pageSize: optionalQuery(z.coerce.number().int().min(1).max(200)),
});
export type InstitutionParticipationQuery = z.infer<typeof institutionParticipationQuery>;

export const participationExportQuery = institutionParticipationQuery
  .omit({ page: true, pageSize: true })
  .extend({
    format: z.enum(['csv', 'xlsx'], { error: 'Format: csv atau xlsx.|Format: csv or xlsx.' }),
    lang: optionalQuery(z.enum(['id', 'en'])),
  });

export const unitParticipationQuery = z.object({
  ...filterFields,
  /** The admin lokal's institution; may be left out when the account serves one institution only. */
  institutionId: optionalQuery(z.coerce.number().int().positive()),
});

const groupCount = z.object({ key: z.string(), forwarded: z.number(), quota: z.number().nullable() });

const lineFields = {
  status: participationStatusSchema,
  forwarded: z.number(),
  inProgress: z.number(),
  groups: z.array(groupCount),
  /** Active accounts a reminder reaches (admin lokal of the institution, UPPs of the unit). */
  recipients: z.number(),
  lastRemindedAt: z.string().nullable(),
  remindable: z.boolean(),
};

const headerFields = {
  competition: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    year: z.number(),
    timeZone: z.string(),
  }),
  submission: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable() }),
  groups: z.array(z.object({ key: z.string(), label: textMsg, quota: z.number().nullable() })),
  totals: z.object({ all: z.number(), forwarded: z.number(), inProgress: z.number(), nothing: z.number() }),
  /** Lines matching the filters. */
  matching: z.number(),
  /** The remindable lines among those matching the filters (every page): "remind all" sends these. */
  remindableIds: z.array(z.number()),
  reminderIntervalHours: z.number(),
  generatedAt: z.string(),
};

export const institutionParticipationResponse = z.object({
  ...headerFields,
  page: z.number(),
  pageSize: z.number(),
  /** The provinces of all participants (the province filter's options). */
  provinces: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  rows: z.array(
    z.object({
      institution: z.object({
        id: z.number(),
        name: z.string(),
        type: institutionTypeSchema,
        provinceCode: z.string(),
        provinceName: z.string().nullable(),
      }),
      ...lineFields,
    }),
  ),
  abilities: z.object({ remind: z.boolean(), export: z.boolean() }),
});
export type InstitutionParticipation = z.infer<typeof institutionParticipationResponse>;

export const unitParticipationResponse = z.object({
  ...headerFields,
  institution: z.object({ id: z.number(), name: z.string() }),
  rows: z.array(z.object({ unit: z.object({ id: z.number(), name: z.string() }), ...lineFields })),
  abilities: z.object({ remind: z.boolean() }),
});
export type UnitParticipation = z.infer<typeof unitParticipationResponse>;

/** POST …/participation/reminders: the institutions whose admin lokal are reminded. */
export const remindInstitutionsBody = z.object({
  institutionIds: z
    .array(z.number().int().positive())
    .min(1, 'Pilih minimal satu instansi.|Choose at least one institution.')
    .max(2000),
  /** true: only count who would get it (the confirmation), send nothing. */
  dryRun: z.boolean().optional(),
});

/** POST …/participation/units/reminders: the units whose UPPs are reminded. */
export const remindUnitsBody = z.object({
  institutionId: z.number().int().positive().optional(),
  unitIds: z
    .array(z.number().int().positive())
    .min(1, 'Pilih minimal satu unit.|Choose at least one unit.')
    .max(2000),
  dryRun: z.boolean().optional(),
});

export const reminderResult = z.object({
  /** false for a dry run. */
  sent: z.boolean(),
  /** Institutions or units that a reminder is for (those remindable among the chosen). */
  subjects: z.number(),
  /** People who get (or would get) the mail and notification. */
  recipients: z.number(),
  /** People left out: reminded within the interval. */
  skipped: z.number(),
  /** When the first of those left out may be reminded again. */
  nextAt: z.string().nullable(),
});
export type ReminderResult = z.infer<typeof reminderResult>;
