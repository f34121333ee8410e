import type { PreparedAnswer } from './shingles.js';
import { SHINGLE_WORDS } from './shingles.js';
import { MERGE_GAP_WORDS, SHOWN_PASSAGE_WORDS } from './thresholds.js';

/*
 * The passages two proposals share, side by side (issue 14 point 5: "the secretariat sees the matches with
 * the passages side by side"). The maximal runs of shared shingles — shingle i of A equal to shingle j of B,
 * i+1 to j+1, and so on — are found with one walk over A and a hash → positions map of B; runs a few words
 * apart on both sides (a changed word) are merged into one passage; each passage is mapped back to the
 * character offsets of its first and last word in each original answer, so the UI can show and highlight
 * it. Pure: no I/O.
 */

export interface PassageSide {
  /** The answer's section key. */
  answerKey: string;
  /** Character offsets in that answer's original text (end exclusive): from the first word to the last. */
  start: number;
  end: number;
  words: number;
}

export interface Passage {
  a: PassageSide;
  b: PassageSide;
}

interface Span {
  aAnswer: number;
  aFrom: number; // word index, inclusive
  aTo: number; // word index, exclusive
  bAnswer: number;
  bFrom: number;
  bTo: number;
}

/** A shingle repeated more often than this in B (a refrain, a list) is matched at its first places only. */
const MAX_PLACES = 32;
const POSITION_SPAN = 2 ** 24;

/** Where each shingle of B occurs: hash → packed (answer · 2^24 + position). */
function placesOf(answers: readonly PreparedAnswer[]): Map<number, number[]> {
  const where = new Map<number, number[]>();
  answers.forEach((answer, n) => {
    if (answer.shingles.length >= POSITION_SPAN - 1) throw new RangeError('answer too long');
    answer.shingles.forEach((h, i) => {
      const list = where.get(h);
      if (!list) where.set(h, [n * POSITION_SPAN + i]);
      else if (list.length < MAX_PLACES) list.push(n * POSITION_SPAN + i);
    });
  });
  return where;
}

/** The maximal runs of equal consecutive shingles of A and B, as word spans. */
export function sharedRuns(a: readonly PreparedAnswer[], b: readonly PreparedAnswer[]): Span[] {
  const where = placesOf(b);
  const runs: Span[] = [];
  const emit = (aAnswer: number, aLast: number, place: number, shingles: number) => {
    const bAnswer = Math.floor(place / POSITION_SPAN);
    const bLast = place % POSITION_SPAN;
    const aFrom = aLast - shingles + 1;
    const bFrom = bLast - shingles + 1;
    const words = shingles + SHINGLE_WORDS - 1;
    runs.push({ aAnswer, aFrom, aTo: aFrom + words, bAnswer, bFrom, bTo: bFrom + words });
  };
  a.forEach((answer, n) => {
    // Run lengths (in shingles) ending at the previous shingle of A, by their place in B.
    let previous = new Map<number, number>();
    answer.shingles.forEach((h, i) => {
      const current = new Map<number, number>();
      for (const place of where.get(h) ?? []) current.set(place, (previous.get(place - 1) ?? 0) + 1);
      for (const [place, length] of previous) if (!current.has(place + 1)) emit(n, i - 1, place, length);
      previous = current;
    });
    for (const [place, length] of previous) emit(n, answer.shingles.length - 1, place, length);
  });
  return runs;
}

/** How many spans back a run looks for one to join (more only with text repeated many times). */
const LOOK_BACK = 16;
const within = (gap: number) => gap >= 0 && gap <= MERGE_GAP_WORDS;

/** Runs a few words apart on both sides become one span; the spans in A's order. */
export function mergeRuns(runs: readonly Span[]): Span[] {
  const sorted = [...runs].sort(
    (x, y) => x.aAnswer - y.aAnswer || x.aFrom - y.aFrom || x.bAnswer - y.bAnswer || x.bFrom - y.bFrom,
  );
  const spans: Span[] = [];
  for (const r of sorted) {
    let merged = false;
    // The spans just before in A's order (a few: spans far behind cannot be within the gap).
    for (
      let k = spans.length - 1;
      k >= Math.max(0, spans.length - LOOK_BACK) && spans[k].aAnswer === r.aAnswer;
      k--
    ) {
      const s = spans[k];
      if (s.bAnswer === r.bAnswer && within(r.aFrom - s.aTo) && within(r.bFrom - s.bTo)) {
        s.aTo = Math.max(s.aTo, r.aTo);
        s.bTo = Math.max(s.bTo, r.bTo);
        merged = true;
        break;
      }
    }
    if (!merged) spans.push({ ...r });
  }
  return spans;
}

function side(answer: PreparedAnswer, from: number, to: number): PassageSide {
  return {
    answerKey: answer.key,
    start: answer.tokens[from].start,
    end: answer.tokens[to - 1].end,
    words: to - from,
  };
}

/**
 * The passages A and B share, of at least SHOWN_PASSAGE_WORDS words, in A's order. The span of a passage
 * may contain up to MERGE_GAP_WORDS differing words between its runs (the UI may diff the two sides).
 */
export function sharedPassages(a: readonly PreparedAnswer[], b: readonly PreparedAnswer[]): Passage[] {
  return mergeRuns(sharedRuns(a, b))
    .filter((s) => Math.min(s.aTo - s.aFrom, s.bTo - s.bFrom) >= SHOWN_PASSAGE_WORDS)
    .map((s) => ({ a: side(a[s.aAnswer], s.aFrom, s.aTo), b: side(b[s.bAnswer], s.bFrom, s.bTo) }));
}
