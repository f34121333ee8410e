import { z } from 'zod';
import { galleryEntrySchema } from './gallery.js';

/*
 * The owner's side of the gallery (issue 14 points 1 and 4): the institution's page of its innovations
 * (consent, contact for replication, public evidence, yearly status) and what the public entry adds.
 * Custom messages are written "Bahasa Indonesia|English".
 */

const bilingual = z.object({ id: z.string(), en: z.string() });
const TEXT_MAX = 'Maksimal 160 karakter.|At most 160 characters.';
const optionalText = (max: number, message: string) =>
  z.string('Harus berupa teks.|Must be text.').max(max, message).nullable().optional();

export const GALLERY_STATUSES = ['continuing', 'halted', 'unconfirmed'] as const;
export const galleryStatusFlag = z.enum(GALLERY_STATUSES);

export const shownStatusSchema = z.object({
  status: galleryStatusFlag,
  /** The last year confirmed; the competition's year when nothing was confirmed yet (`confirmed` false). */
  year: z.number(),
  confirmed: z.boolean(),
  reason: z.string().nullable(),
});

export const replicationContactSchema = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const publicEvidenceSchema = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  /** The section of the form it supports, if any. */
  section: bilingual.nullable(),
  /** The public download (content-disposition attachment). */
  url: z.string(),
});

/** GET /api/public/gallery/:slug: the entry with its status, contact for replication and public evidence. */
export const galleryEntryDetailSchema = galleryEntrySchema.extend({
  status: shownStatusSchema,
  /** Null when the institution set none. */
  contact: replicationContactSchema.nullable(),
  evidence: z.array(publicEvidenceSchema),
});
export type GalleryEntryDetail = z.infer<typeof galleryEntryDetailSchema>;

export const galleryEvidenceParams = z.object({
  slug: z
    .string()
    .max(200)
    .transform((s) => s.toLowerCase()),
  attachmentId: z.coerce.number().int().positive().max(2_147_483_647),
});

// ---- The institution's page ----

export const galleryOwnerQuery = z.object({
  institutionId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export const galleryOwnerParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
});
export const galleryOwnerFileParams = galleryOwnerParams.extend({
  attachmentId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const contactBody = z.object({
  name: optionalText(160, TEXT_MAX),
  position: optionalText(160, TEXT_MAX),
  email: optionalText(254, 'Alamat e-mail terlalu panjang.|The e-mail address is too long.'),
  phone: optionalText(40, 'Nomor telepon terlalu panjang.|The phone number is too long.'),
});
export type ContactBody = z.infer<typeof contactBody>;

export const evidenceBody = z.object({
  isPublic: z.boolean('Pilih publik atau privat.|Choose public or private.'),
});

export const statusBody = z.object({
  status: z.enum(['continuing', 'halted'], {
    error: 'Pilih: masih berjalan atau berhenti.|Choose: continuing or halted.',
  }),
  reason: z
    .string('Alasan harus berupa teks.|The reason must be text.')
    .max(1000, 'Maksimal 1000 karakter.|At most 1000 characters.')
    .nullable()
    .optional(),
});
export type StatusBody = z.infer<typeof statusBody>;

export const ownerFileSchema = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
  section: bilingual.nullable(),
  isPublic: z.boolean(),
});

export const ownerInnovationSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  /** Why it is (or is not) public: finalist (the competition's rules), consented, or not in the gallery. */
  basis: z.enum(['finalist', 'consented']).nullable(),
  slug: z.string().nullable(),
  consent: z.enum(['given', 'withdrawn']).nullable(),
  contact: replicationContactSchema,
  files: z.array(ownerFileSchema),
  /** The status the gallery shows (null when not in the gallery). */
  status: shownStatusSchema.extend({ due: z.boolean() }).nullable(),
  /** This year's confirmation, if given. */
  thisYear: z.object({ status: z.enum(['continuing', 'halted']), reason: z.string().nullable() }).nullable(),
  abilities: z.object({
    consent: z.boolean(),
    withdraw: z.boolean(),
    editContact: z.boolean(),
    markEvidence: z.boolean(),
    confirmStatus: z.boolean(),
  }),
});
export type OwnerInnovation = z.infer<typeof ownerInnovationSchema>;

export const galleryOwnerResponse = z.object({
  institution: z.object({ id: z.number(), name: z.string() }),
  /** The year confirmations count for (WIB) and when this year's prompt goes (went) out. */
  year: z.number(),
  promptAt: z.string(),
  items: z.array(ownerInnovationSchema),
});
export type GalleryOwnerResponse = z.infer<typeof galleryOwnerResponse>;

export const consentResponse = z.object({ slug: z.string().nullable() });
export const contactResponse = replicationContactSchema;
export const statusResponse = z.object({ year: z.number() });
