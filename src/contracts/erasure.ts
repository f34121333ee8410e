import { z } from 'zod';

/*
 * Personal-data erasure of one person and the installation's retention settings (issue 15 point 5,
 * UU PDP 27/2022). Custom messages are written "Bahasa Indonesia|English".
 */

/** The most characters of a request reference ("Surat permohonan No. …"). */
export const REFERENCE_MAX = 200;

/** The retention settings, in days, as the API and the page name them. */
export interface RetentionDays {
  loginFailureDays: number;
  sessionDays: number;
  mailBodyDays: number;
  notificationDays: number;
  tokenDays: number;
}

export type RetentionKey = keyof RetentionDays;

/** Each setting's default and bounds: at least a week for the throttle and the mail's delivery records. */
export const RETENTION_RULES: Record<RetentionKey, { default: number; min: number; max: number }> = {
  loginFailureDays: { default: 90, min: 1, max: 3650 },
  sessionDays: { default: 30, min: 1, max: 3650 },
  mailBodyDays: { default: 180, min: 7, max: 3650 },
  notificationDays: { default: 365, min: 7, max: 3650 },
  tokenDays: { default: 30, min: 1, max: 3650 },
};

export const RETENTION_KEYS = Object.keys(RETENTION_RULES) as RetentionKey[];

export const RETENTION_DEFAULTS = Object.fromEntries(
  RETENTION_KEYS.map((k) => [k, RETENTION_RULES[k].default]),
) as unknown as RetentionDays;

/** The bilingual message of a setting out of its bounds ("Bahasa Indonesia|English", as contracts write it). */
export const retentionRangeMessage = (key: RetentionKey) => {
  const { min, max } = RETENTION_RULES[key];
  return `Isi bilangan bulat hari antara ${min} dan ${max}.|Enter a whole number of days between ${min} and ${max}.`;
};

export const eraseUserBody = z.object({
  /** The request's reference or reason (letter number, ticket): recorded in the audit row; no personal data. */
  reference: z
    .string('Nomor atau alasan permintaan wajib diisi.|The request reference or reason is required.')
    .trim()
    .min(1, 'Nomor atau alasan permintaan wajib diisi.|The request reference or reason is required.')
    .max(REFERENCE_MAX, `Paling banyak ${REFERENCE_MAX} karakter.|At most ${REFERENCE_MAX} characters.`),
  /** The person's e-mail typed again: the confirmation of an action that cannot be undone. */
  confirmEmail: z
    .string('Ketik alamat e-mail pengguna untuk mengonfirmasi.|Type the user’s e-mail address to confirm.')
    .max(254),
});
export type EraseUserBody = z.infer<typeof eraseUserBody>;

const days = (key: RetentionKey) =>
  z
    .number(retentionRangeMessage(key))
    .int(retentionRangeMessage(key))
    .min(RETENTION_RULES[key].min, retentionRangeMessage(key))
    .max(RETENTION_RULES[key].max, retentionRangeMessage(key));

export const retentionBody = z.object(
  Object.fromEntries(RETENTION_KEYS.map((k) => [k, days(k)])) as Record<
    RetentionKey,
    ReturnType<typeof days>
  >,
);
export type RetentionBody = z.infer<typeof retentionBody>;

const numbers = z.object(
  Object.fromEntries(RETENTION_KEYS.map((k) => [k, z.number()])) as Record<RetentionKey, z.ZodNumber>,
);

export const retentionResponse = z.object({
  settings: numbers,
  defaults: numbers,
  bounds: z.object(
    Object.fromEntries(
      RETENTION_KEYS.map((k) => [k, z.object({ min: z.number(), max: z.number() })]),
    ) as Record<RetentionKey, z.ZodObject<{ min: z.ZodNumber; max: z.ZodNumber }>>,
  ),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type RetentionResponse = z.infer<typeof retentionResponse>;
