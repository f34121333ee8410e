import type { FieldVisit, FieldVisitDetail } from '../../contracts/field-verification.js';
import { countFindings, type Claim } from '../../domain/field-verification.js';
import { can, type Actor } from '../../domain/policy.js';
import type { PhotoRow, VisitRow } from './queries.js';

/** Whether the actor works on the visit (named on it, with the grant), or manages it (the secretariat). */
export const mayVerify = (actor: Actor, v: VisitRow) =>
  can(actor, 'fieldVisit.verify', {
    competitionId: v.competitionId,
    organizerInstitutionId: v.organizerInstitutionId,
    verifiers: v.verifiers.map((x) => x.id),
  });
export const mayManage = (actor: Actor, v: { organizerInstitutionId: number }) =>
  can(actor, 'fieldVisit.manage', { organizerInstitutionId: v.organizerInstitutionId });

export function presentVisit(v: VisitRow, claims: readonly Claim[], actor: Actor): FieldVisit {
  return {
    id: v.id,
    competitionId: v.competitionId,
    proposal: { id: v.proposalId, code: v.proposalCode, title: v.proposalTitle, institution: v.institution },
    kind: v.kind,
    address: v.address,
    regionCode: v.regionCode,
    startsAt: v.startsAt,
    timeZone: v.timeZone,
    status: v.status,
    verifiers: v.verifiers,
    recommendation: v.recommendation,
    summary: v.summary,
    submittedAt: v.submittedAt,
    cancelledReason: v.cancelledReason,
    version: v.version,
    counts: countFindings(
      claims.map((c) => c.key),
      v.findings,
    ),
    photoCount: v.photoCount,
    abilities: {
      change: v.status === 'planned' && mayManage(actor, v),
      work: v.status === 'planned' && mayVerify(actor, v),
    },
  };
}

export const photoUrl = (id: number) => `/api/field-photos/${id}`;

export function presentPhoto(p: PhotoRow) {
  return {
    id: p.id,
    clientId: p.client_id,
    claimKey: p.claim_key,
    caption: p.caption,
    takenAt: p.taken_at,
    latitude: p.latitude,
    longitude: p.longitude,
    accuracy: p.accuracy,
    geoStatus: p.geo_status,
    size: p.size,
    url: photoUrl(p.id),
  };
}

export function presentDetail(
  v: VisitRow,
  claims: readonly Claim[],
  photos: PhotoRow[],
  actor: Actor,
): FieldVisitDetail {
  const byKey = new Map(v.findings.map((f) => [f.claimKey, f]));
  return {
    ...presentVisit(v, claims, actor),
    claims: claims.map((c) => {
      const f = byKey.get(c.key);
      return { ...c, finding: f ? { status: f.status, note: f.note } : null };
    }),
    photos: photos.map(presentPhoto),
  };
}
