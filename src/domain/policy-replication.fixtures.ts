import { A, B, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of replication between institutions (issue 14 point 3); policy.fixtures.ts spreads
 * them into TABLE. The admin lokal and the UPP are of institution A.
 */

const serving = (institutionId: number): Case[1] => ({ institutionId });

export const REPLICATION_TABLE: Case[] = [
  ...(['replication.request', 'replication.withdraw', 'replication.view'] as const).flatMap(
    (action): Case[] => [
      [
        action,
        serving(A),
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
        action,
        serving(B),
        {
          anonymous: 'notAuthenticated',
          'upp of A': 'otherInstitution',
          'admin lokal of A': 'otherInstitution',
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
  // Answering: the owner institution's admin lokal only (never its UPP, never another institution's).
  [
    'replication.answer',
    serving(A),
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
    'replication.answer',
    serving(B),
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
