/*
 * The words of an institution search as people type them: "Kab. Sleman", "Pemkab Sleman", "Kabupaten
 * Sleman" and "kab sleman" all look for the same government. Names in the registry are written in full
 * ("Pemerintah Kabupaten Sleman", short name "Pemkab Sleman": institutions.ts), so each abbreviation of a
 * level of government is searched as that level's full word.
 */

/** Abbreviations (lower case, without dots) and the full word of the name they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  pemkab: 'kabupaten',
  kot: 'kota',
  kota: 'kota',
  pemkot: 'kota',
  prov: 'provinsi',
  propinsi: 'provinsi',
  provinsi: 'provinsi',
  pemprov: 'provinsi',
  kec: 'kecamatan',
  kel: 'kelurahan',
  kemen: 'kementerian',
};

/** At most this many words are searched (each is one condition of the query). */
export const MAX_SEARCH_WORDS = 10;

/**
 * The search words of a typed query, lower case: punctuation around a word dropped ("Kab." → "kab",
 * "Sleman," → "sleman"; a word of punctuation only stays as typed), abbreviations of a level of government written in full, repeats removed.
 */
export function institutionSearchWords(query: string): string[] {
  const words: string[] = [];
  for (const raw of query.toLowerCase().split(/\s+/)) {
    if (!raw) continue;
    // A word of punctuation only ("%", "-") is searched as typed, literally.
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || raw;
    const full = ABBREVIATIONS[word] ?? word;
    if (!words.includes(full)) words.push(full);
  }
  return words.slice(0, MAX_SEARCH_WORDS);
}
