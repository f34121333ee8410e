import type { Objection } from '../../contracts/objections.js';
import type { DismissReason } from '../../domain/objections.js';
import { can, type Actor } from '../../domain/policy.js';
import { decisionRefusal, formatObjectionNumber, triageRefusal } from '../../domain/objections.js';
import type { ObjectionView } from './queries.js';

/**
 * An objection as its pages show it. The filer's contact (e-mail, phone) is the secretariat's only: the
 * panel judges the grounds, not the person. `abilities` say what the caller may do with it now.
 */
export function presentObjection(v: ObjectionView, actor: Actor | null): Objection {
  const triage =
    can(actor, 'objection.triage', { organizerInstitutionId: v.organizer_institution_id }) &&
    triageRefusal(v.status) === null;
  const secretariat = can(actor, 'objection.triage', { organizerInstitutionId: v.organizer_institution_id });
  const decide =
    can(actor, 'objection.adjudicate', { competitionId: v.competition_id }) &&
    decisionRefusal(v.status) === null;
  return {
    id: v.id,
    number: formatObjectionNumber(v.competition_year, v.id),
    competitionId: v.competition_id,
    finalist: {
      proposalId: v.proposal_id,
      code: v.proposal_code,
      title: v.proposal_title,
      institution: v.institution_name,
      state: v.proposal_state,
    },
    name: v.name,
    email: secretariat ? v.email : null,
    phone: secretariat ? v.phone : null,
    grounds: v.grounds,
    evidence:
      v.evidence_file_id !== null && v.file_name !== null
        ? { name: v.file_name, size: Number(v.file_size), mime: v.file_mime ?? 'application/octet-stream' }
        : null,
    status: v.status,
    dismissReason: (v.dismiss_reason as DismissReason | null) ?? null,
    duplicateOf:
      v.duplicate_of !== null
        ? { id: v.duplicate_of, number: formatObjectionNumber(v.competition_year, v.duplicate_of) }
        : null,
    triageNote: v.triage_note,
    triagedBy: v.triaged_by !== null ? { id: v.triaged_by, name: v.triaged_by_name ?? '' } : null,
    triagedAt: v.triaged_at,
    decisionReason: v.decision_reason,
    decidedBy: v.decided_by !== null ? { id: v.decided_by, name: v.decided_by_name ?? '' } : null,
    decidedAt: v.decided_at,
    createdAt: v.created_at,
    version: v.version,
    abilities: { triage, decide },
  };
}
