import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the season report (issue 13 point 7); policy.fixtures.ts spreads them into
 * TABLE. Institution A organizes competition 10.
 */

export const SEASON_REPORT_TABLE: Case[] = [
  // The funnel and its breakdowns: the organizer's secretariat and the system administrator; no one else.
  [
    'seasonReport.view',
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
];
