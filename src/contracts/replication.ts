import { z } from 'zod';
import { emailSchema } from './auth.js';
import { optionalPhoneSchema } from './phone.js';
import { cleanLongText, cleanText } from './text.js';

/*
 * Replication between institutions (issue 14 point 3): asking the owner of a gallery innovation to replicate
 * it, the owner's answer, the institution's lists, and the public graph (where an innovation came from and
 * who replicated it, with the counts; no personal data).
 */

/** requested → accepted | declined (the owner's admin lokal) | withdrawn (the requester); final once answered. */
export const REPLICATION_STATES = ['requested', 'accepted', 'declined', 'withdrawn'] as const;
export type ReplicationState = (typeof REPLICATION_STATES)[number];

export const MESSAGE_MIN = 20;
export const MESSAGE_MAX = 2000;

const contactName = cleanText('Nama kontak wajib diisi.|The contact name is required.')
  .trim()
  .min(1, 'Nama kontak wajib diisi.|The contact name is required.')
  .max(255, 'Nama paling panjang 255 karakter.|A name has at most 255 characters.');
const contactEmail = z
  .string('E-mail kontak wajib diisi.|The contact e-mail is required.')
  .min(1, 'E-mail kontak wajib diisi.|The contact e-mail is required.')
  .pipe(emailSchema);

/** The request: the requester's contact (sent to the owner at once) and why it asks. */
export const replicationRequestBody = z.object({
  contactName,
  contactEmail,
  contactPhone: optionalPhoneSchema(),
  message: cleanLongText('Tuliskan pesan permohonan.|Write the message of the request.')
    .trim()
    .min(
      MESSAGE_MIN,
      `Tuliskan pesan sekurang-kurangnya ${MESSAGE_MIN} karakter: apa yang ingin direplikasi dan untuk siapa.|Write a message of at least ${MESSAGE_MIN} characters: what you want to replicate and for whom.`,
    )
    .max(
      MESSAGE_MAX,
      `Pesan paling panjang ${MESSAGE_MAX} karakter.|A message has at most ${MESSAGE_MAX} characters.`,
    ),
});
export type ReplicationRequestBody = z.infer<typeof replicationRequestBody>;

/** Accepting: the owner's contact for replication (shared with the requester) and an optional note. */
export const acceptReplicationBody = z.object({
  contactName,
  contactEmail,
  contactPhone: optionalPhoneSchema(),
  message: cleanLongText()
    .trim()
    .max(
      MESSAGE_MAX,
      `Pesan paling panjang ${MESSAGE_MAX} karakter.|A message has at most ${MESSAGE_MAX} characters.`,
    )
    .optional(),
});
export type AcceptReplicationBody = z.infer<typeof acceptReplicationBody>;

/** Declining: the reason is required (domain/replication.ts declineReasonProblem says so on the field). */
export const declineReplicationBody = z.object({
  reason: cleanLongText()
    .max(
      MESSAGE_MAX,
      `Alasan paling panjang ${MESSAGE_MAX} karakter.|A reason has at most ${MESSAGE_MAX} characters.`,
    )
    .optional(),
});
export type DeclineReplicationBody = z.infer<typeof declineReplicationBody>;

export const replicationIdParams = z.object({ id: z.coerce.number().int().positive() });
export const replicationStateSchema = z.enum(REPLICATION_STATES);

const contactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() });
const regionSchema = z.object({ code: z.string(), name: z.string() }).nullable();

/** One request as the requesting or the owner institution reads it. */
export const replicationRequestSchema = z.object({
  id: z.number(),
  direction: z.enum(['sent', 'received']),
  innovation: z.object({
    title: z.string(),
    /** Its gallery address, while it is in the gallery. */
    slug: z.string().nullable(),
    competition: z.string(),
    year: z.number(),
  }),
  ownerInstitution: z.object({ id: z.number(), name: z.string() }),
  requestingInstitution: z.object({ id: z.number(), name: z.string(), province: regionSchema }),
  requestedBy: z.string(),
  /** The requester's contact (the owner reads it from the start). */
  contact: contactSchema,
  message: z.string(),
  state: replicationStateSchema,
  /** The decline's reason or the acceptance's note. */
  answerMessage: z.string().nullable(),
  /** The owner's contact for replication: once accepted only. */
  ownerContact: contactSchema.nullable(),
  /**
   * The innovation's contact for replication as its owner saved it on /instansi/galeri: what the accept
   * form starts from. Only to whom may answer an open request.
   */
  savedContact: contactSchema.nullable(),
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  abilities: z.object({ accept: z.boolean(), decline: z.boolean(), withdraw: z.boolean() }),
});
export type ReplicationRequestView = z.infer<typeof replicationRequestSchema>;

export const replicationListResponse = z.object({
  institutions: z.array(z.object({ id: z.number(), name: z.string() })),
  sent: z.array(replicationRequestSchema),
  received: z.array(replicationRequestSchema),
});
export type ReplicationList = z.infer<typeof replicationListResponse>;

/** What the signed-in (or not) visitor of an innovation's page may do about replicating it. */
export const replicationAbilitiesResponse = z.object({
  signedIn: z.boolean(),
  /** May ask now (serves another institution, no open request of its institution). */
  request: z.boolean(),
  /** The innovation is the caller's own institution's: nothing to ask. */
  owner: z.boolean(),
  /** The institution that would ask, with the caller's profile to fill the contact in. */
  requestingInstitution: z.object({ id: z.number(), name: z.string() }).nullable(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  /** The institution's latest request for this innovation (open or answered). */
  latest: z.object({ id: z.number(), state: replicationStateSchema }).nullable(),
});
export type ReplicationAbilities = z.infer<typeof replicationAbilitiesResponse>;

const nodeSchema = z.object({
  slug: z.string(),
  title: z.string(),
  institution: z.string(),
  year: z.number(),
});

/** The public graph of one innovation: where it came from, who replicated it, the counts. */
export const replicationGraphResponse = z.object({
  innovation: nodeSchema,
  /** The gallery innovation a replikasi innovation names as its source, when public. */
  source: nodeSchema.nullable(),
  replications: z.array(
    z.object({
      /** `request`: an accepted replication request; `proposal`: a replikasi innovation naming this one. */
      kind: z.enum(['request', 'proposal']),
      institution: z.string(),
      province: regionSchema,
      regency: regionSchema,
      /** When it was accepted, or the replikasi innovation's year. */
      at: z.string(),
      /** The replikasi innovation in the gallery (kind `proposal`). */
      innovation: nodeSchema.nullable(),
    }),
  ),
  counts: z.object({ replications: z.number(), institutions: z.number(), regions: z.number() }),
});
export type ReplicationGraph = z.infer<typeof replicationGraphResponse>;

/**
 * The replication statistics of the whole gallery (GET /api/public/gallery/stats/replication): a replication
 * is an accepted request or a replikasi innovation of the gallery naming the innovation as its source — the
 * same ones the innovation's page counts. Institutions and regions only, never a person.
 */
export const replicationStatsResponse = z.object({
  /** Every replication counted (of every gallery innovation, not only the top ten). */
  total: z.number(),
  /** The ten most replicated innovations, most first (then by address). */
  innovations: z.array(
    z.object({ slug: z.string(), title: z.string(), institution: z.string(), count: z.number() }),
  ),
  /** The ten owner institutions whose innovations were replicated most. */
  institutions: z.array(z.object({ name: z.string(), count: z.number() })),
  /** By the province of the replicating institution, most first. */
  provinces: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  /** Replications by national institutions (no province). */
  withoutProvince: z.number(),
});
export type ReplicationStats = z.infer<typeof replicationStatsResponse>;
