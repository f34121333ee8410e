import type { Db } from '../../../db/connect.js';
import type { AwardLevel } from '../../../contracts/awards.js';
import { certificateKind } from '../../../domain/certificates.js';
import { issueCertificates, type CertificateEntry, type CertificateServices } from '../issue.js';

/**
 * What the secretariat's "Terbitkan piagam" issues: every proposal of the competition in state `finalist`
 * (FINALIST) and every award row the registry holds for the competition's proposals (awards.competition_id
 * and proposal_id, written by the results' publication), without a certificate yet.
 */
export async function entriesToIssue(db: Db, competitionId: number): Promise<CertificateEntry[]> {
  const finalists = await db
    .selectFrom('proposals')
    .select('id')
    .where('competition_id', '=', competitionId)
    .where('state', '=', 'finalist')
    .orderBy('code')
    .execute();
  const awards = await db
    .selectFrom('awards')
    .select(['proposal_id', 'level'])
    .where('competition_id', '=', competitionId)
    .where('proposal_id', 'is not', null)
    .execute();
  const entries: CertificateEntry[] = [
    ...finalists.map((p) => ({ proposalId: p.id, award: 'FINALIST' as const })),
    ...awards.map((a) => ({ proposalId: a.proposal_id!, award: a.level as AwardLevel })),
  ];
  const have = new Set(
    (
      await db
        .selectFrom('certificates')
        .select(['proposal_id', 'award'])
        .where('competition_id', '=', competitionId)
        .execute()
    ).map((r) => `${r.proposal_id}:${r.award}`),
  );
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.proposalId}:${certificateKind(e.award)}`;
    if (have.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Issues `entriesToIssue` (read again inside issuing's transaction, so two clicks issue once). */
export async function issueForCompetition(
  db: Db,
  services: CertificateServices,
  input: { competitionId: number; actorId: number },
) {
  return db.transaction().execute(async (tx) => {
    const entries = await entriesToIssue(tx, input.competitionId);
    return issueCertificates(tx, services, { ...input, entries });
  });
}
