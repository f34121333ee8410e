import { sharedPassages, type Passage } from './explain.js';
import type { PreparedProposal } from './prepare.js';
import { containment, jaccard } from './sets.js';
import {
  COPIED_PASSAGE_WORDS,
  SAME_TITLE,
  SIMILAR_CONTAINMENT,
  SIMILAR_JACCARD,
  SIMILAR_MIN_SIZE_RATIO,
} from './thresholds.js';
import { titleSimilarity } from './title.js';

/*
 * The exact comparison of one candidate pair and its verdict (issue 14 point 5):
 *  - `same`: similar answers and a similar title — the same innovation entered again (a repeat winner);
 *  - `renamed`: similar answers under another title — a past proposal renamed;
 *  - `copied_passage`: answers mostly different but a long passage in common — copied text.
 * "Similar answers", "similar title" and "long" are the constants of thresholds.ts. A pair with none of
 * these is not a match (null), whatever its title. Pure: no I/O.
 */

export type Verdict = 'same' | 'renamed' | 'copied_passage';

export interface PairScores {
  /** Character-trigram similarity of the titles (title.ts). */
  title: number;
  /** Jaccard of the answers' 5-word shingle sets. */
  answersJaccard: number;
  /** Share of A's shingles found in B, and of B's in A. */
  containmentAInB: number;
  containmentBInA: number;
  /** Words of the longest shared passage (0 if none is shown). */
  longestPassageWords: number;
}

export interface NearDuplicateMatch {
  a: number;
  b: number;
  verdict: Verdict;
  scores: PairScores;
  /** The shared passages, in A's order. */
  passages: Passage[];
}

export function verdictOf(s: PairScores, sizes: { a: number; b: number }): Verdict | null {
  const smaller = Math.min(sizes.a, sizes.b);
  const larger = Math.max(sizes.a, sizes.b);
  const inside = sizes.a <= sizes.b ? s.containmentAInB : s.containmentBInA;
  const similar =
    s.answersJaccard >= SIMILAR_JACCARD ||
    (larger > 0 && smaller / larger >= SIMILAR_MIN_SIZE_RATIO && inside >= SIMILAR_CONTAINMENT);
  if (similar) return s.title >= SAME_TITLE ? 'same' : 'renamed';
  if (s.longestPassageWords >= COPIED_PASSAGE_WORDS) return 'copied_passage';
  return null;
}

/** Scores are shown with 3 decimals; the verdict is decided on the exact values. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Compares A with B exactly; the match, or null when they are not near-duplicates. */
export function comparePair(a: PreparedProposal, b: PreparedProposal): NearDuplicateMatch | null {
  if (!a.shingles.length || !b.shingles.length) return null;
  const passages = sharedPassages(a.answers, b.answers);
  const scores: PairScores = {
    title: titleSimilarity(a.titleGrams, b.titleGrams),
    answersJaccard: jaccard(a.shingles, b.shingles),
    containmentAInB: containment(a.shingles, b.shingles),
    containmentBInA: containment(b.shingles, a.shingles),
    longestPassageWords: passages.reduce((m, p) => Math.max(m, Math.min(p.a.words, p.b.words)), 0),
  };
  const verdict = verdictOf(scores, { a: a.shingles.length, b: b.shingles.length });
  if (!verdict) return null;
  const shown: PairScores = {
    ...scores,
    title: round3(scores.title),
    answersJaccard: round3(scores.answersJaccard),
    containmentAInB: round3(scores.containmentAInB),
    containmentBInA: round3(scores.containmentBInA),
  };
  return { a: a.id, b: b.id, verdict, scores: shown, passages };
}
