import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint } from './fingerprint-codec.js';
import { prepareProposal } from './prepare.js';
import { PAST_WINNER } from './texts.fixtures.js';

describe('stored fingerprints', () => {
  it('survive encoding: the decoded fingerprint equals the computed one', () => {
    const { fingerprint } = prepareProposal(PAST_WINNER);
    const text = encodeFingerprint(fingerprint);
    expect(text).toMatch(/^nd1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(decodeFingerprint(text)).toEqual(fingerprint);
  });

  it('a proposal without shingles has an empty signature part and decodes as such', () => {
    const { fingerprint } = prepareProposal({
      id: 1,
      title: 'Si Jempol',
      answers: [{ key: 'a', text: 'Tidak ada.' }],
    });
    expect(encodeFingerprint(fingerprint)).toBe('nd1..');
    expect(decodeFingerprint('nd1..')).toEqual({ signature: null, marks: new Uint32Array(0) });
  });

  it('another version, a damaged or missing string decodes to null (fingerprint the texts again)', () => {
    const text = encodeFingerprint(prepareProposal(PAST_WINNER).fingerprint);
    expect(decodeFingerprint(text.replace(/^nd1/, 'nd0'))).toBeNull();
    expect(decodeFingerprint(text.slice(0, -8))).toBeNull();
    expect(decodeFingerprint(`nd1.AAAA.${text.split('.')[2]}`)).toBeNull();
    expect(decodeFingerprint('nd1..!!!')).toBeNull();
    const unsorted = encodeFingerprint({ signature: null, marks: Uint32Array.from([1, 0]) });
    expect(decodeFingerprint(unsorted)).toBeNull();
    expect(decodeFingerprint('')).toBeNull();
    expect(decodeFingerprint(null)).toBeNull();
  });
});
