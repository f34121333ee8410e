/*
 * A sorted list of (key, document) postings: the buckets of the LSH bands and the marks of winnowing.
 * Each posting is packed in one float64 as key · 2^21 + document (a 32-bit key and a document number
 * below 2^21 fit the 53 exact bits of a double), and the list is one Float64Array sorted once: 30,000
 * proposals × 32 bands take 7.7 MB, with no per-bucket object, and a key's postings are found by binary
 * search. Pure: no I/O.
 */

const DOC_SPAN = 2 ** 21;
export const MAX_DOCUMENTS = DOC_SPAN;

export class PostingsBuilder {
  private packed = new Float64Array(1024);
  private size = 0;

  add(key: number, doc: number): void {
    if (doc < 0 || doc >= DOC_SPAN || !Number.isInteger(doc))
      throw new RangeError(`document ${doc} out of range`);
    if (this.size === this.packed.length) {
      const grown = new Float64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.size++] = (key >>> 0) * DOC_SPAN + doc;
  }

  build(): Postings {
    return new Postings(this.packed.slice(0, this.size).sort());
  }
}

export class Postings {
  constructor(private readonly packed: Float64Array) {}

  get size(): number {
    return this.packed.length;
  }

  /** The index of the first posting ≥ value. */
  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.packed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.packed[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The documents posted under a key, in ascending order (a document posted twice appears twice). */
  documents(key: number): number[] {
    const from = (key >>> 0) * DOC_SPAN;
    const out: number[] = [];
    for (let i = this.lowerBound(from); i < this.packed.length && this.packed[i] < from + DOC_SPAN; i++)
      out.push(this.packed[i] - from);
    return out;
  }
}
