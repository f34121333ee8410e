import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of public participation (issue 13 point 8); policy.fixtures.ts spreads them into
 * TABLE. Institution A organizes competition 10. Rating itself is public (no actor: a verified e-mail).
 */

export const PUBLIC_RATINGS_TABLE: Case[] = [
  // The window and excluding a flagged group: the organizer's secretariat only.
  [
    'publicRating.manage',
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
  // The summary and the anomaly report: also the competition's panel (an input to its decision).
  [
    'publicRating.view',
    { organizerInstitutionId: A, competitionId: 10 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': ok,
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'publicRating.view',
    { organizerInstitutionId: A, competitionId: 11 },
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
];
