import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';
import { emailSchema, localeSchema } from './auth.js';
import { phoneSchema } from './phone.js';

/*
 * Admin lokal account requests: the public multipart form (fields + the signed letter as a PDF), the
 * secretariat's review list and decisions.
 */

/** The letter: a PDF (read from its content) of at most 5 MB. */
export const ADMIN_REQUEST_LETTER_MAX_BYTES = 5 * 1024 * 1024;
export const ADMIN_REQUEST_LETTER_FIELD = 'letter';

/** The text fields of the multipart form (every value arrives as a string). */
export const adminRequestFields = z.object({
  institutionId: z.coerce
    .number('Pilih instansi.|Choose an institution.')
    .int('Pilih instansi.|Choose an institution.')
    .positive('Pilih instansi.|Choose an institution.'),
  name: cleanText('Nama wajib diisi.|Name is required.')
    .trim()
    .min(1, 'Nama wajib diisi.|Name is required.')
    .max(255),
  position: cleanText('Jabatan wajib diisi.|Position is required.')
    .trim()
    .min(1, 'Jabatan wajib diisi.|Position is required.')
    .max(255),
  email: z.string('E-mail wajib diisi.|E-mail is required.').pipe(emailSchema),
  phone: phoneSchema('Nomor telepon wajib diisi.|Phone number is required.'),
  letterNumber: cleanText()
    .trim()
    .max(128, 'Maksimal 128 karakter.|At most 128 characters.')
    .optional()
    .transform((v) => (v ? v : null)),
  locale: localeSchema.default('id'),
});
export type AdminRequestFields = z.infer<typeof adminRequestFields>;

export const adminRequestStatusSchema = z.enum(['pending', 'approved', 'rejected']);

export const adminRequestListQuery = z.object({
  status: adminRequestStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
});

export const adminRequestIdParams = z.object({ id: z.coerce.number().int().positive() });

export const rejectAdminRequestBody = z.object({
  reason: cleanLongText()
    .trim()
    .min(10, 'Tuliskan alasan sekurang-kurangnya 10 karakter.|Write a reason of at least 10 characters.')
    .max(1000, 'Alasan paling panjang 1000 karakter.|A reason has at most 1000 characters.'),
});
export type RejectAdminRequestBody = z.infer<typeof rejectAdminRequestBody>;

/**
 * The answer to a request: the same whatever the address (a new one, one with an account, one with a
 * request under review), so it reveals nothing; the request number comes in the receipt mail.
 */
export const adminRequestCreatedResponse = z.object({ status: z.literal('received') });

export const adminRequestSchema = z.object({
  id: z.number(),
  institution: z.object({ id: z.number(), name: z.string() }),
  name: z.string(),
  position: z.string(),
  email: z.string(),
  phone: z.string(),
  letterNumber: z.string().nullable(),
  locale: localeSchema,
  letter: z.object({ fileId: z.number(), size: z.number(), sha256: z.string() }),
  status: adminRequestStatusSchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdUserId: z.number().nullable(),
  /** Local admins the institution already has: a second one is allowed, but the reviewer should know. */
  existingAdmins: z.number(),
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
});
export type AdminRequest = z.infer<typeof adminRequestSchema>;

/**
 * The requester's own check of a request (public, rate-limited): the number from the receipt mail and the
 * e-mail it was sent to. Both must match, so a number alone tells nothing.
 */
export const adminRequestStatusQuery = z.object({
  number: z.coerce
    .number(
      'Tulis nomor permohonan dari e-mail tanda terima.|Write the request number from the receipt e-mail.',
    )
    .int('Nomor permohonan berupa angka.|The request number is a whole number.')
    .positive('Nomor permohonan berupa angka.|The request number is a whole number.'),
  email: z.string('E-mail wajib diisi.|E-mail is required.').pipe(emailSchema),
});
export type AdminRequestStatusQuery = z.infer<typeof adminRequestStatusQuery>;

/** What the requester may know of their own request: never the letter, the IP or who decided. */
export const adminRequestStatusResponse = z.object({
  number: z.number(),
  institution: z.string(),
  status: adminRequestStatusSchema,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The reason of a rejection, as the requester was mailed it. */
  reason: z.string().nullable(),
});
export type AdminRequestStatus = z.infer<typeof adminRequestStatusResponse>;

export const ADMIN_REQUEST_PAGE_SIZE = 20;

export const adminRequestListResponse = z.object({
  items: z.array(adminRequestSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
