import type { Db } from '../../db/connect.js';
import type { FieldRecommendation, FieldVisitKind } from '../../db/schema.js';
import { countFindings, type FindingCounts } from '../../domain/field-verification.js';
import { claimsOfProposal, loadVisits } from './queries.js';

/*
 * The field findings for the panel's final session (issue 13 point 4): per finalist, its SUBMITTED visits'
 * reports (planned or cancelled visits say nothing yet). The top-level fields are the latest submitted
 * report's; `visits` holds each, newest first (an open and a closed visit to the same finalist both count).
 */

export interface FieldVisitFindings {
  visitId: number;
  kind: FieldVisitKind;
  /** The visit's instant (ISO, UTC) and the zone of the place. */
  visitedAt: string;
  timeZone: string;
  submittedAt: string;
  verifiers: string[];
  counts: FindingCounts;
  recommendation: FieldRecommendation | null;
  summary: string | null;
  photoCount: number;
}

export interface FieldFindingsSummary extends FieldVisitFindings {
  /** Every submitted visit of the finalist, newest first (the first is the top level's). */
  visits: FieldVisitFindings[];
}

export async function fieldFindingsFor(
  db: Db,
  competitionId: number,
): Promise<Map<number, FieldFindingsSummary>> {
  const visits = (await loadVisits(db, { competitionId })).filter((v) => v.status === 'submitted');
  const claimKeys = new Map<number, string[]>();
  const byProposal = new Map<number, FieldVisitFindings[]>();
  for (const v of visits) {
    if (!claimKeys.has(v.proposalId))
      claimKeys.set(
        v.proposalId,
        (await claimsOfProposal(db, v.proposalId)).map((c) => c.key),
      );
    const list = byProposal.get(v.proposalId) ?? [];
    list.push({
      visitId: v.id,
      kind: v.kind,
      visitedAt: v.startsAt,
      timeZone: v.timeZone,
      submittedAt: v.submittedAt!,
      verifiers: v.verifiers.map((x) => x.name),
      counts: countFindings(claimKeys.get(v.proposalId)!, v.findings),
      recommendation: v.recommendation,
      summary: v.summary,
      photoCount: v.photoCount,
    });
    byProposal.set(v.proposalId, list);
  }
  const out = new Map<number, FieldFindingsSummary>();
  for (const [proposalId, list] of byProposal) {
    list.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.visitId - a.visitId);
    out.set(proposalId, { ...list[0], visits: list });
  }
  return out;
}
