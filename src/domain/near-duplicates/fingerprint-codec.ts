import { SIGNATURE_SIZE } from './minhash.js';
import type { Fingerprint } from './prepare.js';

/*
 * A fingerprint as a string, to store beside a proposal once at submission (issue 14 point 5: the index of
 * past proposals is built from stored fingerprints, not from their texts). "nd1.<signature>.<marks>": the
 * version, then the 128 signature values and the sorted marks, each as little-endian 32-bit integers in
 * base64 (an empty signature part for a proposal with no shingle). About 0.7 KB for the signature and 0.6 KB
 * per 1,000 words for the marks. The version changes whenever the hashes, the shingles or the signature
 * change (minhash.test.ts pins them), so a stored fingerprint is never compared with a new one made
 * differently: `decodeFingerprint` answers null for another version or a damaged string, and the caller
 * fingerprints the texts again. Pure: no I/O.
 */

export const FINGERPRINT_VERSION = 'nd1';

function toBase64(values: Uint32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setUint32(i * 4, v, true));
  let binary = '';
  const bytes = new Uint8Array(view.buffer);
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

function fromBase64(text: string): Uint32Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length % 4) return null;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Uint32Array(binary.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

export function encodeFingerprint(f: Fingerprint): string {
  return [FINGERPRINT_VERSION, f.signature ? toBase64(f.signature) : '', toBase64(f.marks)].join('.');
}

/** The stored fingerprint, or null when it is of another version or damaged (fingerprint the texts again). */
export function decodeFingerprint(text: string | null | undefined): Fingerprint | null {
  const parts = (text ?? '').split('.');
  if (parts.length !== 3 || parts[0] !== FINGERPRINT_VERSION) return null;
  const signature = parts[1] === '' ? null : fromBase64(parts[1]);
  const marks = fromBase64(parts[2]);
  if (!marks || (parts[1] !== '' && signature?.length !== SIGNATURE_SIZE)) return null;
  for (let i = 1; i < marks.length; i++) if (marks[i] <= marks[i - 1]) return null;
  return { signature, marks };
}
