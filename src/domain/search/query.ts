/*
 * A typed search query → the terms to look up: analyzed like the stored texts (analyze.ts), then each
 * word that gives no known term read as the closest written words (typo.ts). Bounded: a query of any size
 * is cut to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words, so it answers quickly.
 */
import { queryTerms, units, type Unit } from './analyze.js';
import { corrections, type TypoIndex } from './typo.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;

/** What the store knows: which terms have postings, and the written words for typo correction. */
export interface Vocabulary {
  hasTerm(term: string): boolean;
  readonly words: TypoIndex;
}

export interface QueryWord {
  /** The word as normalized. */
  readonly word: string;
  /** The words of the vocabulary it was read as, when it was a typo (empty otherwise). */
  readonly correctedTo: readonly string[];
}

export interface SearchQuery {
  readonly words: readonly QueryWord[];
  /** The distinct terms to look up and score, in order. */
  readonly terms: readonly string[];
}

/** The terms of a query; without a vocabulary, no typo is corrected. */
export function parseQuery(query: string, vocabulary?: Vocabulary): SearchQuery {
  const list = units(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_WORDS);
  const terms = new Set(queryTerms(list));
  const words = list.map((unit) => {
    const correctedTo = vocabulary ? correct(unit, vocabulary) : [];
    for (const word of correctedTo) for (const term of queryTerms(units(word))) terms.add(term);
    return { word: unit.word, correctedTo };
  });
  return { words, terms: [...terms] };
}

function correct(unit: Unit, vocabulary: Vocabulary): string[] {
  if (vocabulary.hasTerm(unit.primary)) return [];
  return corrections(vocabulary.words, unit.word);
}
