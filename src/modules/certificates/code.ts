import crypto from 'node:crypto';
import { CODE_PATTERN, codeMessage, type CertificateFacts } from '../../domain/certificates.js';
import type { CertificateRow } from '../../db/schema.js';

/*
 * The verification code printed on a certificate (in its address and QR code): HMAC-SHA256 with the
 * configured key (SINOVIK_CERT_KEY, config.ts) over the number, the recipient, the award and the year,
 * cut to 20 hex digits (80 bits: guessing one is hopeless at the verification's rate limit). Never stored:
 * computed from the row each time, so a row whose facts were changed no longer matches its paper.
 */

export function factsOf(r: CertificateRow): CertificateFacts {
  return {
    number: r.number,
    innovationTitle: r.innovation_title,
    institutionName: r.institution_name,
    unitName: r.unit_name,
    award: r.award,
    awardLabelId: r.award_label_id,
    year: r.year,
  };
}

export function certificateCode(key: string, facts: CertificateFacts): string {
  return crypto.createHmac('sha256', key).update(codeMessage(facts)).digest('hex').slice(0, 20);
}

/** Whether a code from an address is the row's (compared in constant time). */
export function codeMatches(key: string, r: CertificateRow, code: string): boolean {
  if (!CODE_PATTERN.test(code)) return false;
  const expected = Buffer.from(certificateCode(key, factsOf(r)));
  return crypto.timingSafeEqual(expected, Buffer.from(code));
}
