import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * Field verification (issue 13 point 3): the secretariat's plan of visits, the verifier's visit with its
 * checklist and photos, the operations a phone sends when it is online again (each with its own client
 * id), and the participant's view of its OPEN visits.
 */

export const FIELD_PHOTO_FIELD = 'photo';
const text = z.object({ id: z.string(), en: z.string() });
const id = z.coerce.number().int().positive();

export const competitionIdParams = z.object({ id });
export const visitIdParams = z.object({ id });
export const photoIdParams = z.object({ id });

const kind = z.enum(['open', 'closed'], 'Pilih terbuka atau tertutup.|Choose open or closed.');
const zone = z.enum(
  ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'],
  'Pilih zona waktu WIB, WITA atau WIT.|Choose the zone WIB, WITA or WIT.',
);

/** A visit as the secretariat plans it: the instant in UTC with the zone of the place. */
export const visitFields = z.object({
  proposalId: id,
  kind,
  verifierIds: z
    .array(id, 'Pilih verifikator.|Choose the verifiers.')
    .min(1, 'Pilih paling sedikit satu verifikator.|Choose at least one verifier.')
    .max(10, 'Paling banyak 10 verifikator.|At most 10 verifiers.'),
  address: cleanLongText('Alamat wajib diisi.|The address is required.')
    .trim()
    .min(5, 'Tuliskan alamat lokasi kunjungan.|Write the address of the visit.')
    .max(1000, 'Alamat paling panjang 1000 karakter.|An address has at most 1000 characters.'),
  regionCode: cleanText()
    .trim()
    .regex(/^\d{2}(\.\d{2}){0,3}$/, 'Kode wilayah seperti 32.73.|A region code such as 32.73.')
    .nullish(),
  startsAt: z.iso.datetime(
    'Tanggal dan jam kunjungan wajib diisi.|The date and time of the visit are required.',
  ),
  timeZone: zone,
});
export type VisitFields = z.infer<typeof visitFields>;

export const changeVisitBody = visitFields.omit({ proposalId: true }).extend({ version: z.number().int() });
export const cancelVisitBody = z.object({
  version: z.number().int(),
  reason: cleanLongText('Tuliskan alasan pembatalan.|Write why the visit is cancelled.')
    .trim()
    .min(3, 'Tuliskan alasan pembatalan.|Write why the visit is cancelled.')
    .max(1000, 'Paling panjang 1000 karakter.|At most 1000 characters.'),
});

const clientId = z
  .string('Operasi tanpa id.|An operation without an id.')
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Id operasi tidak sah.|Invalid operation id.');

/** One change made on the verifier's phone, sent when the connection allows; applied once per clientId. */
export const operationBody = z.discriminatedUnion('kind', [
  z.object({
    clientId,
    kind: z.literal('finding'),
    claimKey: z.string().min(1).max(80),
    status: z.enum(['confirmed', 'partly', 'not_found']).nullable(),
    note: cleanLongText()
      .trim()
      .max(2000, 'Catatan paling panjang 2000 karakter.|A note has at most 2000 characters.')
      .nullable(),
  }),
  z.object({
    clientId,
    kind: z.literal('report'),
    recommendation: z.enum(['recommended', 'recommended_with_notes', 'not_recommended']).nullable(),
    summary: cleanLongText()
      .trim()
      .max(5000, 'Ringkasan paling panjang 5000 karakter.|A summary has at most 5000 characters.')
      .nullable(),
  }),
  z.object({ clientId, kind: z.literal('submit') }),
]);
export type FieldOperation = z.infer<typeof operationBody>;

export const operationResponse = z.object({
  clientId: z.string(),
  kind: z.string(),
  /** true: this operation had been applied before (a replay); nothing changed now. */
  replayed: z.boolean(),
  appliedAt: z.string(),
  status: z.enum(['planned', 'submitted', 'cancelled']),
});

/** The multipart fields sent before the photo itself. */
export const photoFields = z.object({
  clientId,
  takenAt: z.iso.datetime('Waktu pengambilan foto tidak sah.|Invalid capture time.'),
  geoStatus: z.enum(['ok', 'denied', 'unavailable']),
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
  accuracy: z.coerce.number().min(0).max(100000).optional(),
  claimKey: z.string().max(80).optional(),
  caption: cleanLongText()
    .trim()
    .max(500, 'Keterangan paling panjang 500 karakter.|At most 500 characters.')
    .optional(),
});

export const photoSchema = z.object({
  id: z.number(),
  clientId: z.string(),
  claimKey: z.string().nullable(),
  caption: z.string().nullable(),
  takenAt: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accuracy: z.number().nullable(),
  geoStatus: z.enum(['ok', 'denied', 'unavailable']),
  size: z.number(),
  url: z.string(),
});

export const photoResponse = z.object({ clientId: z.string(), replayed: z.boolean(), photo: photoSchema });

const counts = z.object({
  confirmed: z.number(),
  partly: z.number(),
  notFound: z.number(),
  unchecked: z.number(),
});

export const visitSchema = z.object({
  id: z.number(),
  competitionId: z.number(),
  proposal: z.object({ id: z.number(), code: z.string(), title: z.string(), institution: z.string() }),
  kind,
  address: z.string(),
  regionCode: z.string().nullable(),
  startsAt: z.string(),
  timeZone: z.string(),
  status: z.enum(['planned', 'submitted', 'cancelled']),
  verifiers: z.array(z.object({ id: z.number(), name: z.string() })),
  recommendation: z.enum(['recommended', 'recommended_with_notes', 'not_recommended']).nullable(),
  summary: z.string().nullable(),
  submittedAt: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  version: z.number(),
  counts,
  photoCount: z.number(),
  abilities: z.object({ change: z.boolean(), work: z.boolean() }),
});
export type FieldVisit = z.infer<typeof visitSchema>;

export const claimSchema = z.object({
  key: z.string(),
  kind: z.enum(['section', 'evidence']),
  label: text,
  text: z.string(),
  finding: z
    .object({ status: z.enum(['confirmed', 'partly', 'not_found']).nullable(), note: z.string().nullable() })
    .nullable(),
});

export const visitDetailSchema = visitSchema.extend({
  claims: z.array(claimSchema),
  photos: z.array(photoSchema),
});
export type FieldVisitDetail = z.infer<typeof visitDetailSchema>;

export const planResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number(), timeZone: z.string() }),
  stage: z.object({ id: z.number(), opensAt: z.string().nullable(), closesAt: z.string().nullable() }),
  finalists: z.array(
    z.object({ proposalId: z.number(), code: z.string(), title: z.string(), institution: z.string() }),
  ),
  candidates: z.array(z.object({ id: z.number(), name: z.string(), team: z.enum(['panel', 'secretariat']) })),
  items: z.array(visitSchema),
});

export const myVisitsResponse = z.object({ items: z.array(visitSchema) });

/** What the participant (admin lokal, UPP) sees: its OPEN visits only; a closed visit does not exist here. */
export const participantVisitsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      startsAt: z.string(),
      timeZone: z.string(),
      address: z.string(),
      status: z.enum(['planned', 'submitted', 'cancelled']),
      /** The names of who visits (an open visit's verifiers are announced with it). */
      verifiers: z.array(z.string()),
    }),
  ),
});
export type ParticipantVisit = z.infer<typeof participantVisitsResponse>['items'][number];
