import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';
import { emailSchema, localeSchema } from './auth.js';
import { optionalPhoneSchema } from './phone.js';

/*
 * The uji publik (issue 12 point 8): the public objection form (multipart: fields, then the optional
 * evidence), the filer's status check, the secretariat's triage and the panel's decision.
 */

export const OBJECTION_EVIDENCE_FIELD = 'evidence';

/** new → forwarded → upheld | rejected; new → dismissed (domain/objections.ts). */
export const OBJECTION_STATUSES = ['new', 'forwarded', 'dismissed', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Why the secretariat finds an objection inadmissible. */
export const DISMISS_REASONS = ['out_of_scope', 'no_grounds', 'duplicate', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** The grounds: long enough to be examined, short enough to be read. */
export const GROUNDS_MIN = 30;
export const GROUNDS_MAX = 5000;

/** The text fields of the multipart form (every value arrives as a string). */
export const objectionFields = z.object({
  proposalId: z.coerce
    .number('Pilih finalis yang Anda keberatan.|Choose the finalist you object to.')
    .int('Pilih finalis yang Anda keberatan.|Choose the finalist you object to.')
    .positive('Pilih finalis yang Anda keberatan.|Choose the finalist you object to.'),
  name: cleanText('Nama wajib diisi.|Name is required.')
    .trim()
    .min(1, 'Nama wajib diisi.|Name is required.')
    .max(255, 'Nama paling panjang 255 karakter.|A name has at most 255 characters.'),
  email: z.string('E-mail wajib diisi.|E-mail is required.').pipe(emailSchema),
  phone: optionalPhoneSchema(),
  grounds: cleanLongText('Tuliskan alasan keberatan.|Write the grounds of the objection.')
    .trim()
    .min(
      GROUNDS_MIN,
      `Tuliskan alasan keberatan sekurang-kurangnya ${GROUNDS_MIN} karakter.|Write grounds of at least ${GROUNDS_MIN} characters.`,
    )
    .max(
      GROUNDS_MAX,
      `Alasan keberatan paling panjang ${GROUNDS_MAX} karakter.|Grounds have at most ${GROUNDS_MAX} characters.`,
    ),
  declaration: z.literal(
    'true',
    'Centang pernyataan bahwa keberatan ini benar dan dapat dipertanggungjawabkan.|Tick the declaration that this objection is true and accountable.',
  ),
  locale: localeSchema.default('id'),
});
export type ObjectionFields = z.infer<typeof objectionFields>;

export const objectionStatusSchema = z.enum(OBJECTION_STATUSES);
export const dismissReasonSchema = z.enum(DISMISS_REASONS);

export const competitionIdParams = z.object({ id: z.coerce.number().int().positive() });
export const objectionIdParams = z.object({ id: z.coerce.number().int().positive() });

const windowSchema = z.object({
  state: z.enum(['unscheduled', 'before', 'open', 'closed']),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeZone: z.string(),
});

export const finalistOptionSchema = z.object({
  proposalId: z.number(),
  code: z.string(),
  title: z.string(),
  institution: z.string(),
});
export type FinalistOption = z.infer<typeof finalistOptionSchema>;

/** What the public form needs: the window and the finalists one may object to. */
export const objectionFormResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  window: windowSchema,
  /** The provisional list is published (else there is nothing to object to yet). */
  published: z.boolean(),
  finalists: z.array(finalistOptionSchema),
});
export type ObjectionForm = z.infer<typeof objectionFormResponse>;

export const objectionCreatedResponse = z.object({ number: z.string(), status: z.literal('new') });

export const objectionStatusQuery = z.object({
  number: cleanText(
    'Tulis nomor keberatan dari e-mail tanda terima.|Write the objection number from the receipt e-mail.',
  )
    .trim()
    .min(
      1,
      'Tulis nomor keberatan dari e-mail tanda terima.|Write the objection number from the receipt e-mail.',
    )
    .max(32),
  email: z.string('E-mail wajib diisi.|E-mail is required.').pipe(emailSchema),
});

/** What the filer may know of their own objection: never who triaged or decided it. */
export const objectionStatusResponse = z.object({
  number: z.string(),
  competition: z.string(),
  finalist: z.object({ code: z.string(), title: z.string() }),
  status: objectionStatusSchema,
  submittedAt: z.string(),
  /** The reason given when it was dismissed or decided. */
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ObjectionStatusView = z.infer<typeof objectionStatusResponse>;

const personRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const objectionSchema = z.object({
  id: z.number(),
  number: z.string(),
  competitionId: z.number(),
  finalist: z.object({
    proposalId: z.number(),
    code: z.string(),
    title: z.string(),
    institution: z.string(),
    state: z.string(),
  }),
  name: z.string(),
  /** The filer's contact: the secretariat's only (the panel judges the grounds, not the person). */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  grounds: z.string(),
  evidence: z.object({ name: z.string(), size: z.number(), mime: z.string() }).nullable(),
  status: objectionStatusSchema,
  dismissReason: dismissReasonSchema.nullable(),
  duplicateOf: z.object({ id: z.number(), number: z.string() }).nullable(),
  triageNote: z.string().nullable(),
  triagedBy: personRef,
  triagedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: personRef,
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: z.object({ triage: z.boolean(), decide: z.boolean() }),
});
export type Objection = z.infer<typeof objectionSchema>;

export const objectionListQuery = z.object({
  status: objectionStatusSchema.optional(),
  /** decided = upheld or rejected. */
  group: z.enum(['decided']).optional(),
  proposalId: z.coerce.number().int().positive().optional(),
});

const countsSchema = z.object({
  new: z.number(),
  forwarded: z.number(),
  dismissed: z.number(),
  upheld: z.number(),
  rejected: z.number(),
});

export const readinessSchema = z.object({
  ready: z.boolean(),
  windowState: windowSchema.shape.state,
  pending: z.number(),
  counts: countsSchema,
  blockers: z.array(z.enum(['window_not_closed', 'objections_pending'])),
});

export const objectionListResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  window: windowSchema,
  items: z.array(objectionSchema),
  counts: countsSchema,
  readiness: readinessSchema,
  /** The finalists now (the provisional list without those removed by an upheld objection). */
  finalists: z.array(finalistOptionSchema),
  abilities: z.object({ triage: z.boolean(), decide: z.boolean() }),
});
export type ObjectionList = z.infer<typeof objectionListResponse>;

const reasonText = (what: string) =>
  cleanLongText(`Tuliskan ${what}.|Write the reason.`)
    .trim()
    .min(10, 'Tuliskan alasan sekurang-kurangnya 10 karakter.|Write a reason of at least 10 characters.')
    .max(2000, 'Alasan paling panjang 2000 karakter.|A reason has at most 2000 characters.');

export const dismissObjectionBody = z.object({
  reason: dismissReasonSchema,
  note: reasonText('alasan'),
  duplicateOf: z.number().int().positive().nullable().optional(),
  version: z.number().int().positive(),
});
export type DismissObjectionBody = z.infer<typeof dismissObjectionBody>;

export const forwardObjectionBody = z.object({
  note: cleanLongText()
    .trim()
    .max(2000, 'Catatan paling panjang 2000 karakter.|A note has at most 2000 characters.')
    .optional(),
  version: z.number().int().positive(),
});
export type ForwardObjectionBody = z.infer<typeof forwardObjectionBody>;

export const decideObjectionBody = z.object({
  outcome: z.enum(['upheld', 'rejected'], 'Pilih keputusan.|Choose a decision.'),
  reason: reasonText('alasan keputusan'),
  version: z.number().int().positive(),
});
export type DecideObjectionBody = z.infer<typeof decideObjectionBody>;

/** The panel's view of one objection: with the finalist's proposal, read-only. */
export const panelObjectionSchema = objectionSchema.extend({
  proposal: z.object({
    code: z.string(),
    title: z.string(),
    institution: z.string(),
    unit: z.string(),
    sections: z.array(z.object({ label: z.string(), labelEn: z.string(), text: z.string() })),
  }),
});
export type PanelObjection = z.infer<typeof panelObjectionSchema>;
