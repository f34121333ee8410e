import { z } from 'zod';
import { cleanText } from './text.js';

/*
 * Institutions (ministries, agencies, regional governments, BUMN, BUMD) and their units: request bodies,
 * query parameters and response shapes shared by the server and the web app.
 * Custom messages are written "Bahasa Indonesia|English"; the standard ones are translated by the server.
 */

export const INSTITUTION_TYPES = [
  'kementerian',
  'lembaga',
  'pemerintah_provinsi',
  'pemerintah_kabupaten',
  'pemerintah_kota',
  'bumn',
  'bumd',
] as const;
export const institutionTypeSchema = z.enum(INSTITUTION_TYPES, {
  error: 'Jenis instansi tidak dikenal.|Unknown institution type.',
});
export type InstitutionType = z.infer<typeof institutionTypeSchema>;

/** How people name each type, in both languages (the official Indonesian terms are kept in English too). */
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, { id: string; en: string }> = {
  kementerian: { id: 'Kementerian', en: 'Kementerian' },
  lembaga: { id: 'Lembaga', en: 'Lembaga' },
  pemerintah_provinsi: { id: 'Pemerintah Provinsi', en: 'Pemerintah Provinsi' },
  pemerintah_kabupaten: { id: 'Pemerintah Kabupaten', en: 'Pemerintah Kabupaten' },
  pemerintah_kota: { id: 'Pemerintah Kota', en: 'Pemerintah Kota' },
  bumn: { id: 'BUMN', en: 'BUMN' },
  bumd: { id: 'BUMD', en: 'BUMD' },
};

/** Official area codes (Kepmendagri): "64" for a province, "36.03" for a regency or city, deeper levels too. */
export const REGION_CODE_PATTERN = /^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$/;

/** Query parameters arrive as text; an empty one (`?type=`) means "not given", as a cleared filter sends it. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
/** Empty text in a body means "no value" for optional fields. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);

export const institutionIdParams = z.object({ id: idNumber });

export const institutionListQuery = z.object({
  /** Every word must occur in the name or the short name, case-insensitively. */
  q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  type: z.preprocess(blankToUndefined, institutionTypeSchema.optional()),
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
export type InstitutionListQuery = z.infer<typeof institutionListQuery>;

export const institutionSchema = z.object({
  id: z.number(),
  type: institutionTypeSchema,
  name: z.string(),
  shortName: z.string().nullable(),
  regionCode: z.string().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
});
export type Institution = z.infer<typeof institutionSchema>;

export const institutionListResponse = z.object({
  items: z.array(institutionSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ manage: z.boolean() }),
});
export type InstitutionListResponse = z.infer<typeof institutionListResponse>;

export const institutionAbilitiesSchema = z.object({
  /** Edit this institution (secretariat, system administrator). */
  manage: z.boolean(),
  viewUnits: z.boolean(),
  manageUnits: z.boolean(),
  viewUsers: z.boolean(),
  createUpp: z.boolean(),
});

export const institutionResponse = z.object({
  institution: institutionSchema,
  abilities: institutionAbilitiesSchema,
});
export type InstitutionResponse = z.infer<typeof institutionResponse>;

const nameField = cleanText('Nama wajib diisi.|Name is required.')
  .trim()
  .min(1, 'Nama wajib diisi.|Name is required.')
  .max(255);
const shortNameField = z.preprocess(blankToNull, cleanText().trim().max(64).nullable().optional());
const regionCodeField = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .regex(
      REGION_CODE_PATTERN,
      'Kode wilayah ditulis seperti 64 atau 36.03.|A region code is written like 64 or 36.03.',
    )
    .nullable()
    .optional(),
);

export const createInstitutionBody = z.object({
  type: institutionTypeSchema,
  name: nameField,
  shortName: shortNameField,
  regionCode: regionCodeField,
  parentId: idNumber.nullable().optional(),
});
export type CreateInstitutionBody = z.infer<typeof createInstitutionBody>;

/** Only the fields given change; null clears an optional field. */
export const updateInstitutionBody = createInstitutionBody.partial();
export type UpdateInstitutionBody = z.infer<typeof updateInstitutionBody>;

/** The CSV columns of an import, in the order the template shows them. */
export const INSTITUTION_IMPORT_COLUMNS = [
  'type',
  'name',
  'short_name',
  'region_code',
  'parent_region_code',
] as const;
export const INSTITUTION_IMPORT_MAX_ROWS = 5000;
export const INSTITUTION_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const importQuery = z.object({
  /** 1 = check the file only; nothing is written. */
  dryRun: z.preprocess(blankToUndefined, z.enum(['0', '1', 'true', 'false']).optional()),
});

export const importResponse = z.object({
  /** Institutions written (0 on a dry run). */
  created: z.number(),
  /** Rows that passed every check (all of them, or the request would have failed). */
  valid: z.number(),
  dryRun: z.boolean(),
});
export type ImportResponse = z.infer<typeof importResponse>;

/** One problem of a refused import, as `error.rows` carries them; `row` is the spreadsheet row (header = 1). */
export const importRowProblemSchema = z.object({
  row: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

/* ---------------------------------------------------------------- units */

export const UNIT_KINDS = ['pd', 'upp'] as const;
export const unitKindSchema = z.enum(UNIT_KINDS, {
  error: 'Jenis unit harus PD atau UPP.|The unit kind must be PD or UPP.',
});
export type UnitKind = z.infer<typeof unitKindSchema>;

export const UNIT_KIND_LABELS: Record<UnitKind, { id: string; en: string }> = {
  pd: { id: 'Perangkat Daerah / Satuan Kerja', en: 'Regional apparatus / work unit (PD)' },
  upp: { id: 'Unit Pelayanan Publik', en: 'Public service unit (UPP)' },
};

export const unitIdParams = z.object({ id: idNumber });

export const unitSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: unitKindSchema,
  parentUnitId: z.number().nullable(),
  /** Proposer (UPP) accounts of this unit. */
  userCount: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitListResponse = z.object({
  items: z.array(unitSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export type UnitListResponse = z.infer<typeof unitListResponse>;

export const unitResponse = z.object({ unit: unitSchema });

const unitNameField = cleanText('Nama unit wajib diisi.|The unit name is required.')
  .trim()
  .min(1, 'Nama unit wajib diisi.|The unit name is required.')
  .max(255);

export const createUnitBody = z.object({
  name: unitNameField,
  kind: unitKindSchema,
  parentUnitId: idNumber.nullable().optional(),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;

export const updateUnitBody = z.object({
  name: unitNameField.optional(),
  kind: unitKindSchema.optional(),
  parentUnitId: idNumber.nullable().optional(),
});
export type UpdateUnitBody = z.infer<typeof updateUnitBody>;
