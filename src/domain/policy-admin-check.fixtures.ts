import { A, ok, C, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the administrative check (issue 12 point 1), in their own file so parallel
 * work on the policy merges cleanly; policy.fixtures.ts spreads them into TABLE. Institution A organizes
 * competition 10; the UPP of A writes for unit 5.
 */

export const ADMIN_CHECK_TABLE: Case[] = [
  [
    'adminCheck.work',
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
    'completion.view',
    { institutionId: A, unitId: 5 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
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
    'completion.view',
    { institutionId: C, unitId: 7 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
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
    'completion.submit',
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
    'completion.submit',
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
];
