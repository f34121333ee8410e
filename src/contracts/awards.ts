import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * The registry of past awards (KIPP Top 99, Top Terpuji, Top 5 Replikasi, …): request bodies, query
 * parameters and response shapes shared by the server and the web app. The registry feeds the group
 * eligibility rules (domain/eligibility.ts) and the replikasi source picker of proposers.
 * Custom messages are written "Bahasa Indonesia|English"; the standard ones are translated by the server.
 */

/**
 * Award levels by code: TOP9 (2014), TOP25 (2015), TOP35 (2016), TOP40 (2017–2018), TOP45 (2019–2023
 * "Top 45 / Inovasi Pelayanan Publik Terpuji"), TOP99 (the yearly Top 99 finalists), OPSI (2025
 * "Outstanding Public Service Innovation"), TOP5_REPLIKASI (2021), KHUSUS (Top Kelompok Khusus),
 * OAPSI (Outstanding Achievement of Public Service Innovation, 2020–2023).
 */
export const AWARD_LEVELS = [
  'TOP9',
  'TOP25',
  'TOP35',
  'TOP40',
  'TOP45',
  'TOP99',
  'OPSI',
  'TOP5_REPLIKASI',
  'KHUSUS',
  'OAPSI',
] as const;
export const awardLevelSchema = z.enum(AWARD_LEVELS, {
  error: 'Tingkat penghargaan tidak dikenal.|Unknown award level.',
});
export type AwardLevel = z.infer<typeof awardLevelSchema>;

export const AWARD_YEAR_MIN = 2014;
export const AWARD_YEAR_MAX = 2100;
export const AWARD_IMPORT_COLUMNS = ['year', 'level', 'innovation', 'institution', 'source'] as const;
export const AWARD_IMPORT_MAX_ROWS = 5000;
export const AWARD_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const AWARD_TITLE_MAX = 500;
export const AWARD_INSTITUTION_MAX = 500;
export const AWARD_URL_MAX = 2000;

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const yearNumber = z.coerce
  .number('Tahun harus berupa angka.|The year must be a number.')
  .int('Tahun harus berupa angka bulat.|The year must be a whole number.')
  .min(AWARD_YEAR_MIN, `Tahun paling awal ${AWARD_YEAR_MIN}.|The earliest year is ${AWARD_YEAR_MIN}.`)
  .max(AWARD_YEAR_MAX, `Tahun paling akhir ${AWARD_YEAR_MAX}.|The latest year is ${AWARD_YEAR_MAX}.`);

export const awardIdParams = z.object({ id: idNumber });

export const awardListQuery = z.object({
  /** Every word must occur in the innovation title or the institution's name, case-insensitively. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  year: z.preprocess(blankToUndefined, yearNumber.optional()),
  level: z.preprocess(blankToUndefined, awardLevelSchema.optional()),
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number('Nomor halaman harus berupa angka.|The page number must be a number.')
      .int()
      .min(1)
      .max(1_000_000)
      .default(1),
  ),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type AwardListQuery = z.infer<typeof awardListQuery>;

export const awardSchema = z.object({
  id: z.number(),
  year: z.number(),
  level: awardLevelSchema,
  innovationTitle: z.string(),
  /** As the source wrote it; null when the source names none. */
  institutionName: z.string().nullable(),
  /** The matched institution of the directory, when the name matches one clearly (or was chosen). */
  institutionId: z.number().nullable(),
  /** The directory's name of that institution. */
  institutionDirectoryName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Award = z.infer<typeof awardSchema>;

export const awardAbilitiesSchema = z.object({
  /** Add, edit, delete and import awards (secretariat, system administrator). */
  manage: z.boolean(),
});

export const awardListResponse = z.object({
  items: z.array(awardSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: awardAbilitiesSchema,
});
export type AwardListResponse = z.infer<typeof awardListResponse>;

export const awardResponse = z.object({ award: awardSchema, abilities: awardAbilitiesSchema });
export type AwardResponse = z.infer<typeof awardResponse>;

const titleField = cleanText('Judul inovasi wajib diisi.|The innovation title is required.')
  .trim()
  .min(1, 'Judul inovasi wajib diisi.|The innovation title is required.')
  .max(AWARD_TITLE_MAX, `Judul maksimal ${AWARD_TITLE_MAX} karakter.|At most ${AWARD_TITLE_MAX} characters.`);
const institutionNameField = z.preprocess(
  blankToNull,
  cleanText()
    .trim()
    .max(
      AWARD_INSTITUTION_MAX,
      `Nama instansi maksimal ${AWARD_INSTITUTION_MAX} karakter.|At most ${AWARD_INSTITUTION_MAX} characters.`,
    )
    .nullable()
    .optional(),
);
const urlField = z.preprocess(
  blankToNull,
  cleanText()
    .trim()
    .max(AWARD_URL_MAX)
    .regex(
      /^https?:\/\/\S+$/i,
      'Sumber harus berupa alamat web (http:// atau https://).|The source must be a web address (http:// or https://).',
    )
    .nullable()
    .optional(),
);
const notesField = z.preprocess(blankToNull, cleanLongText().trim().max(2000).nullable().optional());

export const createAwardBody = z.object({
  year: yearNumber,
  level: awardLevelSchema,
  innovationTitle: titleField,
  institutionName: institutionNameField,
  /** Omitted: matched from the name when it is clear; null: no link. */
  institutionId: idNumber.nullable().optional(),
  sourceUrl: urlField,
  notes: notesField,
});
export type CreateAwardBody = z.infer<typeof createAwardBody>;

/** Only the fields given change; null clears an optional field. */
export const updateAwardBody = createAwardBody.partial();
export type UpdateAwardBody = z.infer<typeof updateAwardBody>;

export const awardImportResponse = z.object({
  /** Rows written. */
  created: z.number(),
  /** Rows already in the registry (or repeated in the file), left as they are. */
  skipped: z.number(),
});
export type AwardImportResponse = z.infer<typeof awardImportResponse>;

/** One problem of a refused import, as `error.rows` carries them; `row` is the spreadsheet row (header = 1). */
export const awardImportRowProblemSchema = z.object({
  row: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type AwardImportRowProblem = z.infer<typeof awardImportRowProblemSchema>;
