import type { AwardLevel } from '../contracts/awards.js';
import type { Text } from './errors.js';

/*
 * Certificates (piagam, issue 13 point 5): what a certificate is for, its number, the address that verifies
 * it, and the verdict on an address someone opened. Pure: the verification code itself is an HMAC with a
 * key from the configuration (modules/certificates/code.ts); here only the text it covers.
 */

/** What a certificate is for: an award level of the registry, or being a finalist. */
export type CertificateAward = AwardLevel | 'FINALIST';

/**
 * The kind a certificate is kept under: the registry's TOP99 (the yearly Top 99 finalists) IS the
 * finalist's certificate, so a finalist issued before the results and written as TOP99 by them has one.
 */
export function certificateKind(award: CertificateAward): CertificateAward {
  return award === 'TOP99' ? 'FINALIST' : award;
}

const LABELS: Record<CertificateAward, Text> = {
  FINALIST: { id: 'Finalis', en: 'Finalist' },
  TOP9: { id: 'Top 9 Inovasi Pelayanan Publik', en: 'Top 9 Public Service Innovation' },
  TOP25: { id: 'Top 25 Inovasi Pelayanan Publik', en: 'Top 25 Public Service Innovation' },
  TOP35: { id: 'Top 35 Inovasi Pelayanan Publik', en: 'Top 35 Public Service Innovation' },
  TOP40: { id: 'Top 40 Inovasi Pelayanan Publik', en: 'Top 40 Public Service Innovation' },
  TOP45: { id: 'Top Inovasi Pelayanan Publik Terpuji', en: 'Top Commendable Public Service Innovation' },
  TOP99: { id: 'Top 99 Inovasi Pelayanan Publik', en: 'Top 99 Public Service Innovation' },
  OPSI: { id: 'Outstanding Public Service Innovation', en: 'Outstanding Public Service Innovation' },
  TOP5_REPLIKASI: { id: 'Top 5 Inovasi Replikasi', en: 'Top 5 Replicated Innovation' },
  KHUSUS: { id: 'Top Inovasi Kelompok Khusus', en: 'Top Special Group Innovation' },
  OAPSI: {
    id: 'Outstanding Achievement of Public Service Innovation',
    en: 'Outstanding Achievement of Public Service Innovation',
  },
};

/** The label printed for an award when the caller names none. */
export function defaultAwardLabel(award: CertificateAward): Text {
  return LABELS[certificateKind(award)];
}

/** The default settings of a competition's certificates. */
export function defaultCertificateSettings(c: { code: string; year: number }): {
  numberPrefix: string;
  signerName: string;
  signerPosition: string;
} {
  return {
    numberPrefix: `PIAGAM/${c.code}/${c.year}`,
    signerName: '',
    signerPosition: 'Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
  };
}

/** A prefix is letters, digits, and . / - between them (it becomes part of the verification address). */
export const NUMBER_PREFIX_PATTERN = /^[A-Za-z0-9]+([./-][A-Za-z0-9]+)*$/;

/** The certificate's number: the prefix and the sequence, four digits at least (PIAGAM/KIPP/2026/0012). */
export function formatCertificateNumber(prefix: string, seq: number): string {
  return `${prefix}/${String(seq).padStart(4, '0')}`;
}

/**
 * The number as it appears in the verification address: every run of other characters than letters and
 * digits becomes one "-" (PIAGAM/KIPP/2026/0012 → PIAGAM-KIPP-2026-0012), so the address has no slash.
 */
export function numberSlug(number: string): string {
  return number
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toUpperCase();
}

/** The path of the verification page (the address printed on the certificate, after the base URL). */
export function verificationPath(number: string, code: string): string {
  return `/verifikasi/piagam/${numberSlug(number)}?k=${code}`;
}

/** What the verification code covers: the number, the recipient, the award and the year. */
export interface CertificateFacts {
  number: string;
  innovationTitle: string;
  institutionName: string;
  unitName: string;
  award: string;
  awardLabelId: string;
  year: number;
}

/** The text the code is computed over: one fact a line, in a fixed order (a changed fact changes it). */
export function codeMessage(f: CertificateFacts): string {
  return [
    'sinovik-piagam-v1',
    f.number,
    f.innovationTitle,
    f.institutionName,
    f.unitName,
    f.award,
    f.awardLabelId,
    String(f.year),
  ].join('\n');
}

/** The code's shape in an address: 20 lowercase hex digits. */
export const CODE_PATTERN = /^[0-9a-f]{20}$/;

export type CertificateVerdict = 'genuine' | 'revoked' | 'not_valid';

/**
 * The verdict on an opened address: among the certificates whose number has this slug (numbers are
 * unique per competition, so two organizers may share one), the one whose code matches; genuine, or
 * revoked if it was revoked; `not_valid` when none matches (unknown number, changed number, changed code,
 * or facts changed since the code was printed).
 */
export function verdictOf<R extends { revoked: boolean }>(
  candidates: readonly R[],
  matches: (r: R) => boolean,
): { verdict: CertificateVerdict; certificate: R | null } {
  const found = candidates.find(matches) ?? null;
  if (!found) return { verdict: 'not_valid', certificate: null };
  return { verdict: found.revoked ? 'revoked' : 'genuine', certificate: found };
}
