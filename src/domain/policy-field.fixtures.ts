import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of field verification (issue 13 point 3); policy.fixtures.ts spreads them into
 * TABLE. Institution A organizes competition 10; every actor of the table is user 99.
 */

export const FIELD_TABLE: Case[] = [
  [
    'fieldVisit.manage',
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
  // Named on the visit (user 99): the competition's panelist and the organizer's secretariat member.
  [
    'fieldVisit.verify',
    { competitionId: 10, organizerInstitutionId: A, verifiers: [99] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'notAssigned',
      'evaluator of 10': 'missingRole',
      'panelist of 10': ok,
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // Not named on the visit: nobody, however close.
  [
    'fieldVisit.verify',
    { competitionId: 10, organizerInstitutionId: A, verifiers: [5] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'notAssigned',
      'secretariat of B': 'notAssigned',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'notAssigned',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
];
