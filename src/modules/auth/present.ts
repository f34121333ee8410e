import type { UserRow } from '../../db/schema.js';
import type { Me, MeRole, TokenInfo } from '../../contracts/auth.js';
import { can, type Actor } from '../../domain/policy.js';
import { institutionScope, proposalScope } from '../../domain/policy-scopes.js';

/** The signed-in person as the web app sees them, with what they may do computed by the policy. */
export function presentMe(user: UserRow, roles: MeRole[], context: { clockControl: boolean }): Me {
  const actor: Actor = {
    userId: user.id,
    grants: roles.map((r) => ({
      role: r.role,
      institutionId: r.institutionId,
      unitId: r.unitId,
      competitionId: r.competitionId,
    })),
  };
  const organizers = institutionScope(actor, 'competition.create', context);
  const units = institutionScope(actor, 'unit.manage', context);
  const proposals = proposalScope(actor);
  const manageInstitutions = can(actor, 'institution.manage', {}, context);
  const createCompetition = organizers.any || organizers.institutionIds.length > 0;
  // The competitions whose grant lets the person decide forwarded objections (a panelist's uji publik).
  const adjudicateObjectionsIn = [
    ...new Set(actor.grants.flatMap((g) => (g.competitionId === null ? [] : [g.competitionId]))),
  ]
    .filter((competitionId) => can(actor, 'objection.adjudicate', { competitionId }, context))
    .sort((a, b) => a - b);
  // The selection's hub: some organizer of the person's own grants, or any (the system administrator).
  const viewSelection =
    can(actor, 'selection.view', { organizerInstitutionId: 0 }, context) ||
    actor.grants.some(
      (g) =>
        g.institutionId !== null &&
        can(actor, 'selection.view', { organizerInstitutionId: g.institutionId }, context),
    );
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    position: user.position,
    phone: user.phone,
    locale: user.locale,
    mustCompleteProfile: user.must_complete_profile === 1,
    roles,
    abilities: {
      manageInstitutions,
      viewInstitutions: manageInstitutions || createCompetition,
      reviewAdminRequests: can(actor, 'adminRequest.review', {}, context),
      viewOutbox: can(actor, 'outbox.view', {}, context),
      viewAudit: can(actor, 'audit.view', {}, context),
      manageAwards: can(actor, 'award.manage', {}, context),
      createCompetition,
      organizerInstitutionIds: organizers.institutionIds,
      createCompetitionForAnyOrganizer: organizers.any,
      manageUnitsOf: units.institutionIds,
      manageAllUnits: units.any,
      controlClock: can(actor, 'clock.control', {}, context),
      viewProposals:
        proposals.any ||
        proposals.anyOrganizer ||
        proposals.institutionIds.length > 0 ||
        proposals.unitIds.length > 0 ||
        proposals.organizerIds.length > 0,
      viewSubmissionDashboard: proposals.anyOrganizer || proposals.organizerIds.length > 0,
      manageUsers: can(actor, 'user.manageAll', {}, context),
      viewSelection,
      adjudicateObjectionsIn,
      viewOwnCertificates: can(actor, 'certificate.listOwn', {}, context),
      viewReplicationRequests: actor.grants.some(
        (g) =>
          g.institutionId !== null &&
          can(actor, 'replication.view', { institutionId: g.institutionId }, context),
      ),
      manageGalleryOf: [
        ...new Set(actor.grants.map((g) => g.institutionId).filter((i): i is number => i !== null)),
      ]
        .filter((institutionId) => can(actor, 'galleryOwner.manage', { institutionId }, context))
        .sort((a, b) => a - b),
      reviewWork: actor.grants.some(
        (g) =>
          g.competitionId !== null &&
          (['evaluation', 'panel'] as const).some((team) =>
            can(actor, 'evaluation.view', {
              competitionId: g.competitionId!,
              team,
              reviewerUserId: actor.userId,
              active: true,
            }),
          ),
      ),
    },
  };
}

/** Whose link it is, for the set-password page (the token itself is not used up by looking). */
export function presentTokenInfo(
  token: { purpose: 'reset' | 'set_password'; expiresAt: string },
  user: UserRow,
): TokenInfo {
  return { purpose: token.purpose, email: user.email, name: user.name, expiresAt: token.expiresAt };
}
