import { z } from 'zod';
import { cleanLongText, cleanText } from './text.js';

/*
 * Certificates (piagam, issue 13 point 5): the secretariat's page (settings, issuing, the list, revoking),
 * the admin lokal's and UPP's own list, and the public verification of an address printed on one.
 * Custom messages are written "Bahasa Indonesia|English".
 */

const idNumber = z.coerce.number('Nomor tidak valid.|Not a valid number.').int().min(1).max(2_147_483_647);
const textMsg = z.object({ id: z.string(), en: z.string() });

export const certificateParams = z.object({ certificateId: idNumber });

/** A number's prefix: letters and digits, with . / - between them (e.g. PIAGAM/KIPP/2026). */
export const certificateSettingsBody = z.object({
  numberPrefix: cleanText()
    .trim()
    .min(1, 'Awalan nomor wajib diisi.|The number prefix is required.')
    .max(60, 'Awalan nomor paling banyak 60 karakter.|The number prefix is at most 60 characters.')
    .regex(
      /^[A-Za-z0-9]+([./-][A-Za-z0-9]+)*$/,
      'Gunakan huruf dan angka, dipisah / . atau - (contoh PIAGAM/KIPP/2026).|Use letters and digits separated by / . or - (e.g. PIAGAM/KIPP/2026).',
    ),
  signerName: cleanText()
    .trim()
    .min(1, 'Nama penanda tangan wajib diisi.|The signer’s name is required.')
    .max(200, 'Paling banyak 200 karakter.|At most 200 characters.'),
  signerPosition: cleanText()
    .trim()
    .min(1, 'Jabatan penanda tangan wajib diisi.|The signer’s position is required.')
    .max(200, 'Paling banyak 200 karakter.|At most 200 characters.'),
});
export type CertificateSettingsBody = z.infer<typeof certificateSettingsBody>;

export const revokeCertificateBody = z.object({
  reason: cleanLongText()
    .trim()
    .min(
      10,
      'Tulis alasan pencabutan (paling sedikit 10 karakter).|Write the reason (at least 10 characters).',
    )
    .max(1000, 'Paling banyak 1000 karakter.|At most 1000 characters.'),
});
export type RevokeCertificateBody = z.infer<typeof revokeCertificateBody>;

const settingsSchema = z.object({
  numberPrefix: z.string(),
  signerName: z.string(),
  signerPosition: z.string(),
  nextNumber: z.string(),
});

export const certificateSchema = z.object({
  id: z.number(),
  number: z.string(),
  proposalId: z.number(),
  proposalCode: z.string(),
  award: z.string(),
  awardLabel: textMsg,
  innovationTitle: z.string(),
  institutionName: z.string(),
  unitName: z.string(),
  competitionId: z.number(),
  competitionName: z.string(),
  year: z.number(),
  issuedAt: z.string(),
  ready: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** The verification address printed on it (base URL, path, code). */
  verificationUrl: z.string(),
});
export type CertificateView = z.infer<typeof certificateSchema>;

export const certificatePageResponse = z.object({
  competition: z.object({ id: z.number(), name: z.string(), year: z.number(), timeZone: z.string() }),
  settings: settingsSchema,
  /** What "issue" would issue now: finalists and award rows of the registry without a certificate. */
  pending: z.number(),
  counts: z.object({ all: z.number(), ready: z.number(), revoked: z.number() }),
  rows: z.array(certificateSchema),
  abilities: z.object({
    issue: z.boolean(),
    editSettings: z.boolean(),
    revoke: z.boolean(),
    downloadAll: z.boolean(),
  }),
});
export type CertificatePageResponse = z.infer<typeof certificatePageResponse>;

export const issueResponse = z.object({ issued: z.number(), alreadyIssued: z.number(), mails: z.number() });

export const myCertificatesResponse = z.object({ rows: z.array(certificateSchema) });

export const verificationParams = z.object({
  slug: z.string().max(120, 'Nomor terlalu panjang.|The number is too long.'),
});
export const verificationQuery = z.object({ k: z.string().max(200).optional() });

/**
 * The verdict on an opened address, always 200 (a forged address is an answer, not an error): genuine
 * (with what the registry says), revoked (the same, with when and why), or not valid (nothing more, so
 * an address guessed at learns nothing).
 */
export const verificationResponse = z.object({
  verdict: z.enum(['genuine', 'revoked', 'not_valid']),
  certificate: z
    .object({
      number: z.string(),
      innovationTitle: z.string(),
      institutionName: z.string(),
      unitName: z.string(),
      awardLabel: textMsg,
      competitionName: z.string(),
      year: z.number(),
      issuedAt: z.string(),
      timeZone: z.string(),
      signerName: z.string(),
      signerPosition: z.string(),
      /** When it was revoked (the reason stays with the organizer and the participant). */
      revokedAt: z.string().nullable(),
    })
    .nullable(),
});
export type VerificationResponse = z.infer<typeof verificationResponse>;
