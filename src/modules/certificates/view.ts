import type { CertificateView } from '../../contracts/certificates.js';
import type { CertificateRow } from '../../db/schema.js';
import { verificationUrl, type RenderDeps } from './render.js';

/** A certificate as the secretariat's and the participants' lists show it. */
export function certificateView(
  deps: Pick<RenderDeps, 'baseUrl' | 'certificateKey'>,
  r: CertificateRow & { proposal_code: string },
): CertificateView {
  return {
    id: r.id,
    number: r.number,
    proposalId: r.proposal_id,
    proposalCode: r.proposal_code,
    award: r.award,
    awardLabel: { id: r.award_label_id, en: r.award_label_en },
    innovationTitle: r.innovation_title,
    institutionName: r.institution_name,
    unitName: r.unit_name,
    competitionId: r.competition_id,
    competitionName: r.competition_name,
    year: r.year,
    issuedAt: r.issued_at,
    ready: r.file_id !== null,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
    verificationUrl: verificationUrl(deps, r),
  };
}
