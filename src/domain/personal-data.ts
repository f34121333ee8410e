/*
 * The personal-data file a person downloads about themself (UU PDP 27/2022, issue 15 point 5): pure shaping of
 * what the queries found. Secrets never enter it: no password hash, no session or link token, no mail body.
 */

/** Keys of an audit summary that could hold a secret; their values are replaced, whatever their depth. */
const SECRET_KEY = /token|secret|password|hash|link|url|code_plain/i;

/** An audit summary (JSON text) as an object, with every secret-looking value replaced by "[disembunyikan]". */
export function scrubSummary(summary: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return null;
  }
  return scrub(parsed);
}

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[disembunyikan]' : scrub(v);
    return out;
  }
  return value;
}

/** The file's name: data-pribadi-sinovik-YYYY-MM-DD.json (the UTC date of the download). */
export function personalDataFileName(now: Date): string {
  return `data-pribadi-sinovik-${now.toISOString().slice(0, 10)}.json`;
}

export const PERSONAL_DATA_ABOUT = {
  id:
    'Berkas ini berisi data pribadi Anda yang disimpan oleh Sinovik, diunduh atas permintaan Anda sendiri ' +
    'sesuai hak subjek data dalam UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi: akun, peran, ' +
    'proposal yang Anda buat atau ubah, sesi, catatan gagal masuk, notifikasi, jejak audit tindakan Anda, dan ' +
    'e-mail yang dikirim kepada Anda (tanpa isi dan tanpa tautan rahasia). Simpan berkas ini dengan aman.',
  en:
    'This file holds the personal data Sinovik keeps about you, downloaded at your own request under the data ' +
    "subject's rights of Law No. 27 of 2022 on Personal Data Protection: account, roles, proposals you created " +
    'or edited, sessions, failed sign-in records, notifications, the audit trail of your actions, and the ' +
    'e-mails sent to you (without their bodies or secret links). Keep this file safe.',
} as const;
