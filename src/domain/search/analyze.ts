/*
 * Indonesian text analysis for the innovation search (issue 14): one analysis (`units`) for the text stored
 * and the query typed, so both always agree. A stored text gives all its terms (`analyze`); a query gives
 * the main term of each of the same units (`queryTerms`), which a text saying the same thing always stores.
 *
 * A text → its words (tokenize.ts: NFKC, lower case, diacritics and punctuation off) → stop words dropped
 * → each word's terms: its stem (stem.ts: Snowball + a table of roots and exceptions), or for an
 * abbreviation (abbreviations.ts) the abbreviation itself and the terms of its name ("RSUD" → rsud, rumah,
 * sakit, umum, daerah); and a name written in full adds its abbreviation ("rumah sakit umum daerah" →
 * … + rsud). So "Kab. Tangerang" and "Kabupaten Tangerang" give the same terms, and "Disdukcapil" and
 * "Dinas Kependudukan dan Pencatatan Sipil" share theirs.
 *
 * How the storage uses it (the same results on SQLite and PostgreSQL): the app analyzes each public
 * innovation's title, acronym and answers and writes the postings itself — rows (term, document, field, tf)
 * plus each document's field lengths, the corpus's counts, and the vocabulary of written words (for
 * typo.ts) — in ordinary tables, in the same transaction as the change that caused it. A search analyzes
 * the query with the same units (query.ts, typos corrected against that vocabulary), fetches the postings of its
 * terms with one indexed `WHERE term IN (…)`, and scores them in the app with rank.ts (BM25F), the ties
 * broken by a stable key; snippet.ts cuts and highlights the text. Neither FTS5's bm25() nor PostgreSQL's
 * 'indonesian' configuration and ts_rank is used: their stemmers, stop words and formulas differ from each
 * other (and know no abbreviations), so they would rank differently. The databases only store integers
 * and look terms up by equality, which both do identically; everything that decides a result is here,
 * pure and tested once.
 */
import { ABBREVIATIONS, ALIASES, isAbbreviation } from './abbreviations.js';
import { stem } from './stem.js';
import { STOP_WORDS, tokenize } from './tokenize.js';

/** A word of a text that counts for search: where it is, its main term, and all the terms it gives. */
export interface Unit {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** The stem, an alias's word, or the abbreviation itself: what a name written in full is matched on. */
  readonly primary: string;
  /** The primary term, then (for an abbreviation) the terms of its name. */
  readonly terms: readonly string[];
}

// How deep a name may use another abbreviation ("ektp" → "ktp elektronik" → "kartu tanda penduduk").
const MAX_DEPTH = 3;

/** The words of a text that count (stop words dropped), each with its terms. */
export function units(text: string): Unit[] {
  return unitsAt(text, 0);
}

function unitsAt(text: string, depth: number): Unit[] {
  const out: Unit[] = [];
  for (const { word, start, end } of tokenize(text, isAbbreviation)) {
    if (STOP_WORDS.has(word)) continue;
    if (Object.hasOwn(ALIASES, word)) {
      const primary = stem(ALIASES[word] as string);
      out.push({ word, start, end, primary, terms: [primary] });
    } else if (Object.hasOwn(ABBREVIATIONS, word)) {
      const terms = depth < MAX_DEPTH ? [word, ...nameTerms(word, depth)] : [word];
      out.push({ word, start, end, primary: word, terms });
    } else {
      const primary = stem(word);
      out.push({ word, start, end, primary, terms: [primary] });
    }
  }
  return out;
}

/**
 * The terms of a stored text, in order, with repeats (their counts are the term frequencies): each word's
 * terms, and the abbreviation of each name written in full, placed where the name starts.
 */
export function analyze(text: string): string[] {
  return termsOf(units(text), 0);
}

/**
 * The terms of a query's units: each word's main term (an abbreviation as itself, not its name: "RSUD"
 * looks for "rsud", which a stored "Rumah Sakit Umum Daerah" carries too, and does not find every text that
 * says "rumah"), and the abbreviation of a name written in full. Every query term of a text is among that
 * text's stored terms, so a text always finds itself.
 */
export function queryTerms(list: readonly Unit[]): string[] {
  const out = list.map((unit) => unit.primary);
  for (const name of namesIn(list)) out.push(name.key);
  return [...new Set(out)];
}

/** The terms of a text with how often each occurs. */
export function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of analyze(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The distinct terms of a text, in the order they first occur. */
export function distinctTerms(text: string): string[] {
  return [...new Set(analyze(text))];
}

/** A name written in full: the abbreviation, and the units [from, to) it spans. */
export interface NameMatch {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** The names of abbreviations written in full in a run of units, by where they start. */
export function namesIn(list: readonly Unit[], depth = 0): NameMatch[] {
  const out: NameMatch[] = [];
  if (depth >= MAX_DEPTH) return out;
  const phrases = phraseIndex();
  list.forEach((unit, i) => {
    for (const phrase of phrases.get(unit.primary) ?? [])
      if (phrase.primaries.every((p, k) => list[i + k]?.primary === p))
        out.push({ key: phrase.key, from: i, to: i + phrase.primaries.length });
  });
  return out;
}

function termsOf(list: readonly Unit[], depth: number): string[] {
  const starting = new Map<number, string[]>();
  for (const name of namesIn(list, depth))
    starting.set(name.from, [...(starting.get(name.from) ?? []), name.key]);
  const out: string[] = [];
  list.forEach((unit, i) => out.push(...unit.terms, ...(starting.get(i) ?? [])));
  return out;
}

interface Phrase {
  readonly key: string;
  readonly primaries: readonly string[];
}

let phraseCache: Map<string, Phrase[]> | undefined;
const nameCache = new Map<string, readonly string[]>();

/** Each abbreviation's name as its units' primary terms, indexed by the first one. */
function phraseIndex(): Map<string, Phrase[]> {
  if (phraseCache) return phraseCache;
  const index = new Map<string, Phrase[]>();
  for (const [key, name] of Object.entries(ABBREVIATIONS)) {
    const primaries = unitsAt(name, MAX_DEPTH).map((u) => u.primary);
    const first = primaries[0];
    if (first === undefined || primaries.length < 2) continue;
    index.set(first, [...(index.get(first) ?? []), { key, primaries }]);
  }
  phraseCache = index;
  return index;
}

/** The distinct terms of an abbreviation's name (the name's own abbreviations included). */
function nameTerms(key: string, depth: number): readonly string[] {
  const cached = nameCache.get(key);
  if (cached) return cached;
  const name = ABBREVIATIONS[key] ?? '';
  const terms = [...new Set(termsOf(unitsAt(name, depth + 1), depth + 1))].filter((t) => t !== key);
  if (depth === 0) nameCache.set(key, terms);
  return terms;
}
