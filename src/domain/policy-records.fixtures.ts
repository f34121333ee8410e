import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the stored records: the Outbox and audit pages, one row of each by its scope,
 * and the system administrator's file access and chain check. policy.fixtures.ts spreads them into TABLE.
 * Institution A organizes competition 10.
 */

export const RECORDS_TABLE: Case[] = [
  ...(['outbox.view', 'audit.view'] as const).map((action): Case => [
    action,
    {},
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': ok,
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': ok,
    },
  ]),
  ...(['outbox.read', 'audit.read'] as const).flatMap((action): Case[] => [
    [
      action,
      { organizerInstitutionId: A, referenceData: false },
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
      action,
      { organizerInstitutionId: null, referenceData: true },
      {
        anonymous: 'notAuthenticated',
        'upp of A': 'missingRole',
        'admin lokal of A': 'missingRole',
        'secretariat of A': 'otherOrganizer',
        'secretariat of B': 'otherOrganizer',
        'evaluator of 10': 'missingRole',
        'panelist of 10': 'missingRole',
        'system admin': ok,
        'data steward': ok,
      },
    ],
    [
      action,
      { organizerInstitutionId: null, referenceData: false },
      {
        anonymous: 'notAuthenticated',
        'upp of A': 'missingRole',
        'admin lokal of A': 'missingRole',
        'secretariat of A': 'otherOrganizer',
        'secretariat of B': 'otherOrganizer',
        'evaluator of 10': 'missingRole',
        'panelist of 10': 'missingRole',
        'system admin': ok,
        'data steward': 'missingRole',
      },
    ],
  ]),
  ...(['outbox.readFiles', 'audit.verify'] as const).map((action): Case => [
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
      'data steward': 'missingRole',
    },
  ]),
];
