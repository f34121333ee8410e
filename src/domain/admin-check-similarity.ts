/*
 * Answers copied across proposals (the checklist's "jawaban bukan salinan proposal lain"): the Jaccard
 * similarity of two answers' word shingles (4 words in a row, after lower-casing and dropping
 * punctuation). Comparing every answer with every other of 3,500 proposals is too much per request, so each
 * answer keeps a MinHash signature (32 minimums of seeded hashes) in its check row; signatures estimate the
 * similarity cheaply, and only the candidates near the threshold are compared exactly on their texts.
 * Pure: no I/O.
 */

const SHINGLE = 4;
export const SIGNATURE_SIZE = 32;
/** Answers shorter than this many words are not compared (a two-word answer matches by chance). */
export const MIN_WORDS = 12;

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < MIN_WORDS) return out;
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

/** FNV-1a 32-bit of a string with a seed. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final mix so seeds that differ by one bit give unrelated orders.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** The MinHash signature of a shingle set; empty for an empty set (never compared). */
export function signature(set: ReadonlySet<string>): number[] {
  if (!set.size) return [];
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of set)
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = hash(s, k * 0x9e3779b1);
      if (h < sig[k]) sig[k] = h;
    }
  return sig;
}

/** The share of equal minimums: an unbiased estimate of the Jaccard similarity. */
export function estimate(a: readonly number[], b: readonly number[]): number {
  if (a.length !== SIGNATURE_SIZE || b.length !== SIGNATURE_SIZE) return 0;
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** A proposal's fingerprint: one signature per answered section. */
export type Fingerprint = Record<string, number[]>;

export function fingerprintOf(answers: readonly { sectionKey: string; text: string }[]): Fingerprint {
  const out: Fingerprint = {};
  for (const a of answers) {
    const sig = signature(shingles(a.text));
    if (sig.length) out[a.sectionKey] = sig;
  }
  return out;
}

/** Stored compactly: base-36 numbers joined by "." per section. */
export function encodeFingerprint(f: Fingerprint): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(f).map(([k, sig]) => [k, sig.map((n) => n.toString(36)).join('.')])),
  );
}

export function decodeFingerprint(s: string | null | undefined): Fingerprint {
  if (!s) return {};
  try {
    const raw = JSON.parse(s) as Record<string, unknown>;
    const out: Fingerprint = {};
    for (const [k, v] of Object.entries(raw))
      if (typeof v === 'string') out[k] = v.split('.').map((n) => parseInt(n, 36));
    return out;
  } catch {
    return {};
  }
}

/** How far below the threshold an estimate may be and still be compared exactly (MinHash's spread at 32). */
const SLACK = 0.2;

/**
 * The other proposals whose answer to a section may be a copy of this one's: same section first, and also
 * any section (an answer moved to another section is still a copy). Candidates only: confirm with `jaccard`.
 */
export function copyCandidates(
  own: Fingerprint,
  others: readonly { id: number; fingerprint: Fingerprint }[],
  threshold: number,
): { id: number; sectionKey: string; otherSectionKey: string; estimate: number }[] {
  const out: { id: number; sectionKey: string; otherSectionKey: string; estimate: number }[] = [];
  const floor = Math.max(0.05, threshold - SLACK);
  for (const o of others)
    for (const [key, sig] of Object.entries(own)) {
      let best: { otherSectionKey: string; estimate: number } | null = null;
      for (const [otherKey, otherSig] of Object.entries(o.fingerprint)) {
        const e = estimate(sig, otherSig);
        if (e >= floor && (!best || e > best.estimate)) best = { otherSectionKey: otherKey, estimate: e };
      }
      if (best) out.push({ id: o.id, sectionKey: key, ...best });
    }
  return out;
}
