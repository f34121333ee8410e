import type { Action, Actor, DenyReason, Role, Subjects } from './policy.js';
import { ADMIN_CHECK_TABLE } from './policy-admin-check.fixtures.js';
import { CERTIFICATES_TABLE } from './policy-certificates.fixtures.js';
import { EXPORTS_TABLE } from './policy-exports.fixtures.js';
import { FIELD_TABLE } from './policy-field.fixtures.js';
import { SELECTION_TABLE } from './policy-selection.fixtures.js';
import { SEASON_REPORT_TABLE } from './policy-season-report.fixtures.js';
import { RESULTS_TABLE } from './policy-results.fixtures.js';
import { PUBLIC_RATINGS_TABLE } from './policy-public-ratings.fixtures.js';
import { PRESENTATION_TABLE } from './policy-presentation.fixtures.js';
import { GALLERY_OWNER_TABLE } from './policy-gallery-owner.fixtures.js';
import { RECORDS_TABLE } from './policy-records.fixtures.js';
import { REPLICATION_TABLE } from './policy-replication.fixtures.js';

/*
 * The policy's table (policy.test.ts): the actors of every role, each in its own scope, and each action
 * against each of them with the reason for every refusal. Test data only: nothing else imports it.
 */

export const A = 1; // institution A (also the organizer of competition 10)
export const B = 2; // institution B (organizer of another competition)
export const C = 3; // institution C, a participant
const actor = (
  role: Role,
  scope: { institutionId?: number; unitId?: number; competitionId?: number } = {},
): Actor => ({
  userId: 99,
  grants: [
    {
      role,
      institutionId: scope.institutionId ?? null,
      unitId: scope.unitId ?? null,
      competitionId: scope.competitionId ?? null,
    },
  ],
});

export const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  'upp of A': actor('upp', { institutionId: A, unitId: 5 }),
  'admin lokal of A': actor('local_admin', { institutionId: A }),
  'secretariat of A': actor('secretariat', { institutionId: A }),
  'secretariat of B': actor('secretariat', { institutionId: B }),
  'evaluator of 10': actor('evaluator', { competitionId: 10 }),
  'panelist of 10': actor('panelist', { competitionId: 10 }),
  'system admin': actor('system_admin'),
  'data steward': actor('data_steward'),
};

type Case = [Action, Subjects[Action], Record<keyof typeof ACTORS, true | DenyReason>];
const ok = true as const;

/** The policy as a table: each action against each role, with the reason for every refusal. */
export const TABLE: Case[] = [
  [
    'competition.create',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'competition.manage',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'invitation.manage',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // Installation-wide reference data (institution and award registries, admin lokal account requests):
  // the system administrator and the data steward it delegates to, never a secretariat as such.
  ...(['institution.manage', 'award.manage', 'adminRequest.review'] as const).map((action): Case => [
    action,
    {},
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': ok,
    },
  ]),
  // Units of institution C: C takes part in a competition organized by A (a forwarded proposal or a
  // khusus invitation), in none of B's.
  [
    'unit.view',
    { institutionId: C, participatesIn: [A] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': ok,
      'secretariat of B': 'notParticipant',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'unit.view',
    { institutionId: A, participatesIn: [] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'notParticipant',
      'secretariat of B': 'notParticipant',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'unit.manage',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.createUpp',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.manageUpp',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.manageUpp',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.viewInstitution',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  ...(['proposal.create', 'proposal.edit', 'proposal.takeBack', 'proposal.delete'] as const).flatMap(
    (action): Case[] => [
      [
        action,
        { institutionId: A, unitId: 5 },
        {
          anonymous: 'notAuthenticated',
          'upp of A': ok,
          'admin lokal of A': 'missingRole',
          'secretariat of A': 'missingRole',
          'secretariat of B': 'missingRole',
          'evaluator of 10': 'missingRole',
          'panelist of 10': 'missingRole',
          'system admin': 'missingRole',
          'data steward': 'missingRole',
        },
      ],
      [
        action,
        { institutionId: A, unitId: 6 },
        {
          anonymous: 'notAuthenticated',
          'upp of A': 'otherUnit',
          'admin lokal of A': 'missingRole',
          'secretariat of A': 'missingRole',
          'secretariat of B': 'missingRole',
          'evaluator of 10': 'missingRole',
          'panelist of 10': 'missingRole',
          'system admin': 'missingRole',
          'data steward': 'missingRole',
        },
      ],
    ],
  ),
  [
    'proposal.view',
    { institutionId: A, unitId: 5 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.view',
    { institutionId: B, unitId: 6 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.review',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.review',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.viewAll',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // One proposal, as every proposal route and the evidence routes load it (else 404): its unit's UPP and
  // its institution's admin lokal in any state; the organizer's secretariat once it has left the
  // institution (forwarded or received), never before; the system administrator always.
  ...(['draft', 'sent_to_local_admin', 'returned', 'withdrawn', 'frozen'] as const).map((state): Case => [
    'proposal.read',
    { institutionId: A, unitId: 5, organizerInstitutionId: A, state },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': 'otherInstitution',
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ]),
  ...(['forwarded', 'received'] as const).map((state): Case => [
    'proposal.read',
    { institutionId: A, unitId: 5, organizerInstitutionId: A, state },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ]),
  // A proposal of institution C (unit 7) in a competition organized by B.
  [
    'proposal.read',
    { institutionId: C, unitId: 7, organizerInstitutionId: B, state: 'forwarded' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': ok,
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.read',
    { institutionId: C, unitId: 7, organizerInstitutionId: B, state: 'sent_to_local_admin' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': 'otherInstitution',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // Another unit of institution A, forwarded in A's own competition.
  [
    'proposal.read',
    { institutionId: A, unitId: 6, organizerInstitutionId: A, state: 'forwarded' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': ok,
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // Participation (issue 11 point 7): the organizer's secretariat per institution, the admin lokal per
  // unit; the system administrator may look but sends no reminder in their name.
  [
    'participation.viewInstitutions',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'participation.remindInstitutions',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'participation.viewUnits',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'participation.remindUnits',
    { institutionId: C },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // Publishing a stage's results (issue 12 point 1): the organizer's secretariat publishes; the system
  // administrator may look at the readiness but publishes nothing in the organizer's name.
  [
    'announcement.prepare',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'announcement.publish',
    { organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'user.manageAll',
    {},
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  ...RECORDS_TABLE,
  ...ADMIN_CHECK_TABLE,
  ...SELECTION_TABLE,
  ...CERTIFICATES_TABLE,
  ...RESULTS_TABLE,
  ...PRESENTATION_TABLE,
  ...GALLERY_OWNER_TABLE,
  ...EXPORTS_TABLE,
  ...SEASON_REPORT_TABLE,
  ...PUBLIC_RATINGS_TABLE,
  ...FIELD_TABLE,
  ...REPLICATION_TABLE,
];
