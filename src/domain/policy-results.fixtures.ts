import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the final session and the results (issue 13 points 4–6); policy.fixtures.ts
 * spreads them into TABLE. Institution A organizes competition 10; the panelist is of competition 10.
 */

export const RESULTS_TABLE: Case[] = [
  [
    'results.view',
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
    'results.view',
    { organizerInstitutionId: 2, competitionId: 11 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': ok,
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'otherCompetition',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'results.decide',
    { competitionId: 10 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': ok,
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'results.decide',
    { competitionId: 11 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'otherCompetition',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'results.manage',
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
];
