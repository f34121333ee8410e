import { signature } from './minhash.js';
import { sortedUnique } from './sets.js';
import { prepareAnswer, shingleSet, type AnswerText, type PreparedAnswer } from './shingles.js';
import { titleGrams } from './title.js';
import { winnow } from './winnow.js';

/*
 * A proposal as near-duplicate detection sees it. `Fingerprint` is the small part an index keeps for every
 * past proposal (computed once when the proposal is submitted, stored with fingerprint-codec.ts);
 * `PreparedProposal` is the full form (words with offsets, shingle sequences), made again from the texts
 * only for the few pairs to verify and explain. Pure: no I/O.
 */

export interface ProposalText {
  /** The caller's proposal id; returned in matches. */
  id: number;
  title: string;
  answers: readonly AnswerText[];
}

export interface Fingerprint {
  /** The MinHash signature of all the answers' shingles (minhash.ts); null when no answer has 5 words. */
  signature: Uint32Array | null;
  /** The distinct winnowing marks of all the answers (winnow.ts), sorted. */
  marks: Uint32Array;
}

export interface PreparedProposal {
  id: number;
  title: string;
  titleGrams: Uint32Array;
  answers: PreparedAnswer[];
  /** All the answers' shingles, sorted and distinct. */
  shingles: Uint32Array;
  fingerprint: Fingerprint;
}

export function prepareProposal(p: ProposalText): PreparedProposal {
  const answers = p.answers.map(prepareAnswer);
  const shingles = shingleSet(answers);
  return {
    id: p.id,
    title: p.title,
    titleGrams: titleGrams(p.title),
    answers,
    shingles,
    fingerprint: {
      signature: signature(shingles),
      marks: sortedUnique(...answers.map((a) => winnow(a.shingles))),
    },
  };
}
