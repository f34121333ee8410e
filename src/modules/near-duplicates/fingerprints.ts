import type { Db } from '../../db/connect.js';
import { decodeFingerprint, encodeFingerprint } from '../../domain/near-duplicates/fingerprint-codec.js';
import { prepareProposal, type Fingerprint } from '../../domain/near-duplicates/prepare.js';
import { BATCH, proposalTexts, storedFingerprints, writeFingerprints } from './queries.js';

/*
 * Each received proposal's near-duplicate fingerprint, stored once (proposal_fingerprints): written when
 * its check row is made (admin-check/rows.ts) and again when a completion changes its answers; a past
 * proposal received before this existed — or one stored by an older fingerprint version — is fingerprinted
 * the first time a check needs it, BATCH proposals per read of texts and per write (the backfill).
 */

/** Fingerprints the proposals' current texts and stores them (replacing what was stored). */
export async function storeFingerprints(
  db: Db,
  ids: readonly number[],
  now: Date,
): Promise<Map<number, Fingerprint>> {
  const out = new Map<number, Fingerprint>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const texts = await proposalTexts(db, ids.slice(i, i + BATCH));
    const rows = [...texts.values()].map((text) => {
      const f = prepareProposal(text).fingerprint;
      out.set(text.id, f);
      return { proposalId: text.id, fingerprint: encodeFingerprint(f) };
    });
    await writeFingerprints(db, rows, now);
  }
  return out;
}

/**
 * The fingerprints of the proposals, from storage; those missing or unreadable (another version) are made
 * from the texts and stored now. Returns how many were made, for the job's log and the bench.
 */
export async function fingerprintsOf(
  db: Db,
  ids: readonly number[],
  now: Date,
): Promise<{ fingerprints: Map<number, Fingerprint>; made: number }> {
  const stored = await storedFingerprints(db, ids);
  const fingerprints = new Map<number, Fingerprint>();
  const missing: number[] = [];
  for (const id of ids) {
    const f = decodeFingerprint(stored.get(id));
    if (f) fingerprints.set(id, f);
    else missing.push(id);
  }
  if (missing.length)
    for (const [id, f] of await storeFingerprints(db, missing, now)) fingerprints.set(id, f);
  return { fingerprints, made: missing.length };
}
