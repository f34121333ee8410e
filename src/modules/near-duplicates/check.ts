import type { Db } from '../../db/connect.js';
import type { NearDuplicateMatch } from '../../domain/near-duplicates/compare.js';
import { kindOf } from '../../domain/near-duplicates/describe.js';
import { findAgainstPast, findWithin } from '../../domain/near-duplicates/find.js';
import { NearDuplicateIndex } from '../../domain/near-duplicates/near-duplicate-index.js';
import { prepareProposal, type ProposalText } from '../../domain/near-duplicates/prepare.js';
import { fingerprintsOf } from './fingerprints.js';
import {
  competitionOf,
  deleteMatches,
  insertMatches,
  matchesOfCompetition,
  pastIds,
  proposalTexts,
  receivedIds,
  updateMatch,
  type MatchValues,
} from './queries.js';

/*
 * The near-duplicate check of one competition (issue 14 point 5): its received proposals against every
 * past proposal of the installation (received in a competition of an earlier year, whoever organized it)
 * and among themselves. The past side is an index built from the stored fingerprints (backfilled when
 * missing); only the candidates' texts are read. The result is stored as matches, idempotently: a pair
 * found again gets its new scores and keeps its decision; an open pair no longer found is removed; a
 * decided one stays (the secretariat's word outlives an edit).
 */

export interface CheckSummary {
  current: number;
  past: number;
  fingerprintsMade: number;
  found: number;
  inserted: number;
  updated: number;
  removed: number;
}

const valuesOf = (m: NearDuplicateMatch, within: boolean): MatchValues => ({
  proposalId: m.a,
  otherProposalId: m.b,
  kind: kindOf(m.verdict, within),
  titleScore: m.scores.title,
  answersScore: m.scores.answersJaccard,
  containment: Math.max(m.scores.containmentAInB, m.scores.containmentBInA),
  passageWords: m.scores.longestPassageWords,
  passages: JSON.stringify(m.passages),
});

export async function runNearDuplicateCheck(db: Db, competitionId: number, now: Date): Promise<CheckSummary> {
  const competition = await competitionOf(db, competitionId);
  if (!competition) throw new Error(`competition ${competitionId} not found`);
  const currentIds = await receivedIds(db, competitionId);
  const past = await pastIds(db, competition.year);
  const { fingerprints, made } = await fingerprintsOf(db, [...past, ...currentIds], now);
  const index = NearDuplicateIndex.build(past.map((id) => ({ id, fingerprint: fingerprints.get(id)! })));

  const texts = await proposalTexts(db, currentIds);
  const current = currentIds.flatMap((id) => {
    const text = texts.get(id);
    return text ? [prepareProposal(text)] : [];
  });
  // The past proposals' texts are read only for the candidates the index names, in batches.
  const candidates = new Set<number>();
  for (const p of current) for (const c of index.candidates(p.fingerprint)) candidates.add(c.id);
  const pastTexts: Map<number, ProposalText> = await proposalTexts(db, [...candidates]);
  const found = [
    ...findAgainstPast(current, index, (id) => pastTexts.get(id)).map((m) => valuesOf(m, false)),
    ...findWithin(current).map((m) => valuesOf(m, true)),
  ];

  const stored = new Map(
    (await matchesOfCompetition(db, competitionId)).map((m) => [
      `${m.proposal_id}:${m.other_proposal_id}`,
      m,
    ]),
  );
  const fresh: MatchValues[] = [];
  let updated = 0;
  for (const m of found) {
    const key = `${m.proposalId}:${m.otherProposalId}`;
    const prior = stored.get(key);
    if (prior) {
      await updateMatch(db, prior.id, m, now);
      stored.delete(key);
      updated++;
    } else fresh.push(m);
  }
  await insertMatches(db, competitionId, fresh, now);
  const gone = [...stored.values()].filter((m) => m.status === 'open').map((m) => m.id);
  await deleteMatches(db, gone);
  return {
    current: current.length,
    past: past.length,
    fingerprintsMade: made,
    found: found.length,
    inserted: fresh.length,
    updated,
    removed: gone.length,
  };
}
