import type { DenyReason } from './policy.js';
import { A, ok, C, type Case, type Who } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the presentation and interview (issue 13 point 2), in their own file so
 * parallel work on the policy merges cleanly; policy.fixtures.ts spreads them into TABLE. Institution A
 * organizes competition 10; the UPP of A writes for unit 5; C is another participant.
 */

const nobody = {
  anonymous: 'notAuthenticated',
  'upp of A': 'missingRole',
  'admin lokal of A': 'missingRole',
  'secretariat of A': 'missingRole',
  'secretariat of B': 'missingRole',
  'evaluator of 10': 'missingRole',
  'panelist of 10': 'missingRole',
  'system admin': 'missingRole',
  'data steward': 'missingRole',
} as const satisfies Record<Who, DenyReason>;

export const PRESENTATION_TABLE: Case[] = [
  [
    'presentation.manage',
    { organizerInstitutionId: A },
    { ...nobody, 'secretariat of A': ok, 'secretariat of B': 'otherOrganizer' },
  ],
  [
    'presentation.participate',
    { institutionId: A, unitId: 5 },
    { ...nobody, 'upp of A': ok, 'admin lokal of A': ok },
  ],
  [
    'presentation.participate',
    { institutionId: C, unitId: 7 },
    { ...nobody, 'upp of A': 'otherUnit', 'admin lokal of A': 'otherInstitution' },
  ],
  ['presentation.reschedule', { institutionId: A }, { ...nobody, 'admin lokal of A': ok }],
  ['presentation.reschedule', { institutionId: C }, { ...nobody, 'admin lokal of A': 'otherInstitution' }],
  ['presentation.sit', { competitionId: 10, seated: true }, { ...nobody, 'panelist of 10': ok }],
  ['presentation.sit', { competitionId: 10, seated: false }, { ...nobody, 'panelist of 10': 'notAssigned' }],
  [
    'presentation.sit',
    { competitionId: 11, seated: true },
    { ...nobody, 'panelist of 10': 'otherCompetition' },
  ],
];
