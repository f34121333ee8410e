import { bandKeys } from './lsh.js';
import { estimate } from './minhash.js';
import { MAX_DOCUMENTS, PostingsBuilder, type Postings } from './postings.js';
import type { Fingerprint } from './prepare.js';
import { BOILERPLATE_MIN_DOCUMENTS, BOILERPLATE_SHARE, ESTIMATE_FLOOR } from './thresholds.js';
import { MIN_SHARED_MARKS } from './winnow.js';

/*
 * The index of past proposals (issue 14 point 5: "3,500 new proposals against 30,000 past ones < 30 s").
 * Built once from the stored fingerprints; each new proposal then looks up its 32 LSH band keys (lsh.ts) and
 * its winnowing marks (winnow.ts) in two sorted posting lists, so it meets only the few past proposals that
 * share a band or a passage — never the 30,000 one by one. A candidate is
 *  - a proposal sharing a band whose estimated Jaccard (its signature against ours) is ≥ ESTIMATE_FLOOR, or
 *  - a proposal sharing ≥ MIN_SHARED_MARKS marks that are not boilerplate;
 * candidates are then compared exactly on their texts (compare.ts). Pure: no I/O.
 */

export interface IndexEntry {
  id: number;
  fingerprint: Fingerprint;
}

export interface Candidate {
  id: number;
  /** The MinHash estimate of the answers' Jaccard similarity. */
  estimate: number;
  /** Non-boilerplate winnowing marks in common. */
  sharedMarks: number;
}

export class NearDuplicateIndex {
  private constructor(
    private readonly ids: readonly number[],
    private readonly signatures: readonly (Uint32Array | null)[],
    private readonly buckets: Postings,
    private readonly marks: Postings,
    /** A mark posted for more documents than this is boilerplate. */
    readonly boilerplateAbove: number,
  ) {}

  static build(entries: Iterable<IndexEntry>): NearDuplicateIndex {
    const ids: number[] = [];
    const signatures: (Uint32Array | null)[] = [];
    const buckets = new PostingsBuilder();
    const marks = new PostingsBuilder();
    for (const e of entries) {
      const doc = ids.length;
      if (doc >= MAX_DOCUMENTS) throw new RangeError(`the index holds at most ${MAX_DOCUMENTS} proposals`);
      ids.push(e.id);
      signatures.push(e.fingerprint.signature);
      if (e.fingerprint.signature) for (const key of bandKeys(e.fingerprint.signature)) buckets.add(key, doc);
      for (const mark of e.fingerprint.marks) marks.add(mark, doc);
    }
    const boilerplateAbove = Math.max(BOILERPLATE_MIN_DOCUMENTS, Math.ceil(ids.length * BOILERPLATE_SHARE));
    return new NearDuplicateIndex(ids, signatures, buckets.build(), marks.build(), boilerplateAbove);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The indexed proposals that may be near-duplicates of this fingerprint, most similar first. `keep`
   * filters by id (e.g. not the proposal itself).
   */
  candidates(fingerprint: Fingerprint, keep: (id: number) => boolean = () => true): Candidate[] {
    const found = new Map<number, Candidate>();
    const entry = (doc: number): Candidate => {
      let c = found.get(doc);
      if (!c) {
        c = {
          id: this.ids[doc],
          estimate: estimate(fingerprint.signature, this.signatures[doc]),
          sharedMarks: 0,
        };
        found.set(doc, c);
      }
      return c;
    };
    if (fingerprint.signature)
      for (const key of bandKeys(fingerprint.signature))
        for (const doc of this.buckets.documents(key)) entry(doc);
    for (const mark of fingerprint.marks) {
      const docs = this.marks.documents(mark);
      if (docs.length > this.boilerplateAbove) continue;
      for (const doc of docs) entry(doc).sharedMarks++;
    }
    return [...found.values()]
      .filter((c) => (c.estimate >= ESTIMATE_FLOOR || c.sharedMarks >= MIN_SHARED_MARKS) && keep(c.id))
      .sort((x, y) => y.estimate - x.estimate || y.sharedMarks - x.sharedMarks || x.id - y.id);
  }
}
