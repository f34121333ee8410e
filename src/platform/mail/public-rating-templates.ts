import { link, type Paragraph, type Template, type Vars } from './template-kit.js';

/*
 * Public participation (issue 13 point 8): the code that verifies an address before rating the finalists.
 * The visitor has no account, so the mail is bilingual (the page's language first). The code and the
 * link are secrets (the outbox keeps them redacted), and the address is erased from the outbox once the
 * code is used.
 */

const codeId = (v: Vars): Paragraph[] => [
  `Kode verifikasi penilaian publik ${v.program}: ${v.code}`,
  `Ketik kode ini di halaman penilaian publik, atau buka tautan berikut. Kode berlaku ${v.minutes} menit (sampai ${v.expiresAt}) dan hanya sekali pakai.`,
  link(v.link),
  'Bila Anda tidak meminta kode ini, abaikan e-mail ini: tanpa kode, tidak ada penilaian atas nama alamat Anda.',
];
const codeEn = (v: Vars): Paragraph[] => [
  `Verification code for the public rating of ${v.program}: ${v.code}`,
  `Type this code on the public rating page, or open the link below. It lasts ${v.minutes} minutes (until ${v.expiresAtEn}) and works once.`,
  link(v.link),
  'If you did not ask for this code, ignore this e-mail: without the code nothing is rated in your name.',
];

export const publicRatingTemplates = {
  public_rating_code: {
    subject: {
      id: (v) => `Kode verifikasi penilaian publik ${v.program} / Public rating code`,
      en: (v) => `Public rating code for ${v.program} / Kode verifikasi penilaian publik`,
    },
    body: {
      id: (v) => [...codeId(v), '— English —', ...codeEn(v)],
      en: (v) => [...codeEn(v), '— Bahasa Indonesia —', ...codeId(v)],
    },
  },
} satisfies Record<string, Template>;
