import type { Subjects } from '../../domain/policy.js';
import type { ProposalState } from '../../domain/proposal-workflow.js';
import type { RecordScope } from '../../platform/record-scope.js';

/**
 * Whose an audit event or mail about a proposal is: its competition, that competition's organizer (whose
 * secretariat reads the event; the proposal's title is hidden from it until the proposal is forwarded)
 * and the proposer's institution.
 */
export function proposalRecordScope(view: {
  competition: { id: number; organizer_institution_id: number };
  proposal: { institution_id: number };
}): RecordScope {
  return {
    competitionId: view.competition.id,
    organizerInstitutionId: view.competition.organizer_institution_id,
    institutionId: view.proposal.institution_id,
  };
}

/**
 * The mail sent inside the proposer's institution before a proposal reaches the organizer (sent to the
 * admin lokal, returned to the UPP) carries the title: stored for the system administrator only.
 */
export function unforwardedMailScope(view: {
  competition: { id: number };
  proposal: { institution_id: number };
}): RecordScope {
  return { competitionId: view.competition.id, institutionId: view.proposal.institution_id };
}

/** What the policy checks one proposal against (domain/policy.ts `proposal.read`, `can(…)` else 404). */
export function proposalReadSubject(view: {
  competition: { organizer_institution_id: number };
  proposal: { institution_id: number; unit_id: number; state: ProposalState };
}): Subjects['proposal.read'] {
  return {
    institutionId: view.proposal.institution_id,
    unitId: view.proposal.unit_id,
    organizerInstitutionId: view.competition.organizer_institution_id,
    state: view.proposal.state,
  };
}
