/*
 * The stem of an Indonesian word: the Snowball stemmer (@orama/stemmers — the algorithm PostgreSQL's
 * 'indonesian' configuration uses), corrected where it errs on the words of public services.
 *
 * Snowball strips affixes by rule, without a dictionary, so it misses where a prefix swallowed the first
 * letter of the root ("kependudukan" → "nduduk" while "penduduk" → "duduk"; "pengelolaan" → "elola";
 * "penilaian" → "ilai"), and it strips a final "-i" that belongs to the root ("nilai" → "nila",
 * "pegawai" → "gawa"), or a prefix-looking start of a loan word ("digital" → "gital"). Two small tables fix
 * that: ROOTS, roots that are never cut and that a cut stem is repaired to (the letter the prefix
 * swallowed put back: "elola" → "kelola"), and EXCEPTIONS, words mapped outright. Words of digits or of
 * another script are kept as they are.
 */
import { stemmer } from '@orama/stemmers/indonesian';

/** Roots of the words people search for in public-service innovations: kept whole, and repair targets. */
export const ROOTS: ReadonlySet<string> = new Set(
  (
    'adu antre aplikasi arsip awas bangun bersih bina budaya buka catat cepat cerai daerah data daya ' +
    'desa didik digital dinas disabilitas disiplin distribusi dokumen duduk guna harga hidup hubung ' +
    'ikan integrasi izin jamin kabupaten kelola kelompok keluarga kembang kendara kerja kirim kota ' +
    'kunjung kurang lahir laksana lanjut lapor latih layan libat lurah manfaat masalah menang miskin ' +
    'modal mudah mukim nelayan nikah nilai olah pakai pantau pegawai perempuan periksa perintah ' +
    'peserta pustaka rawat rencana rumah sakit sampah sedia sehat sejahtera sekolah selesai sipil ' +
    'tahan tanam tanggulang tani teknologi tenaga terima ternak terobos tingkat turun uang umum ' +
    'wisata'
  ).split(' '),
);

/** Words the rules and the repair still get wrong, mapped to their stem. */
export const EXCEPTIONS: Readonly<Record<string, string>> = {
  // "ke-tenaga-kerja-an": a compound; searched as its second half, like "pekerjaan" and "bekerja".
  ketenagakerjaan: 'kerja',
  // "ber-ke-lanjut-an": the rule leaves "kelanjut"; "keberlanjutan" and "melanjutkan" give "lanjut".
  berkelanjutan: 'lanjut',
  // "mem-per-mudah": one prefix is left.
  mempermudah: 'mudah',
  memudahkan: 'mudah',
  // "pe-rumah-an", "pe-rencana-an": the rule reads "per-" and loses the root's "r".
  perumahan: 'rumah',
  perencanaan: 'rencana',
  perencana: 'rencana',
  // A root ending in a particle the rule strips first ("-kah", "-lah"): "me-nikah" → "meni".
  menikah: 'nikah',
  mengolah: 'olah',
  diolah: 'olah',
  // A loan word whose "di-" is not a prefix, with a suffix the repair does not undo.
  digitalisasi: 'digital',
  // Both spellings of the queue, the standard one and the common one.
  antrian: 'antre',
  pemuda: 'muda',
  // "ter-" and "-an" both taken, and the root starts with "ter": "terobosan" → "obosan".
  terobosan: 'terobos',
};

// Stems shorter than this are not repaired (a two-letter stem is too short to tell what was cut).
const MIN_REPAIR = 3;
const LATIN_WORD = /^[a-z]+$/;

/** The stem of one normalized word (see tokenize.ts normalizeWord). */
export function stem(word: string): string {
  if (Object.hasOwn(EXCEPTIONS, word)) return EXCEPTIONS[word] as string;
  if (ROOTS.has(word) || word.length < 4 || !LATIN_WORD.test(word)) return word;
  const cut = stemmer(word);
  if (ROOTS.has(cut) || cut.length < MIN_REPAIR) return cut;
  for (const candidate of repairs(cut)) if (ROOTS.has(candidate)) return candidate;
  return cut;
}

/**
 * What a cut stem may have been before the rule went one letter too far: the first letter of the root put
 * back (k, t, p, r, n after "peng-", "pen-", "pem-", "per-"), "m" for a "p" the rule restored wrongly
 * ("pemanfaatan" → "panfaat" → "manfaat"), a nasal left in front ("nduduk" → "duduk"), a prefix of
 * the root taken for a prefix ("luarga" → "keluarga", "gital" → "digital"), a final "-i" or "-an" taken
 * or left ("menilai" → "ila" → "nilai", "mengawasi" → "awasi" → "awas").
 */
function repairs(cut: string): string[] {
  const out = ['k', 't', 'r', 'n', 'p', 's'].map((letter) => letter + cut);
  if (cut.startsWith('p')) out.push(`m${cut.slice(1)}`);
  if (cut.startsWith('n') || cut.startsWith('m')) out.push(cut.slice(1));
  out.push(`ke${cut}`, `di${cut}`, `pe${cut}`, `per${cut}`, `${cut}i`, `${cut}an`, `n${cut}i`);
  if (cut.endsWith('i')) out.push(cut.slice(0, -1)); // "awasi" → "awas"

  for (const prefix of ['ter', 'ber', 'per', 'ke', 'se'])
    if (cut.startsWith(prefix)) out.push(cut.slice(prefix.length));
  return out;
}
