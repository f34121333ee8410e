import type { Action, DenyReason, Subjects } from './policy.js';

/*
 * The policy's table rows of the stored records: the Outbox and audit pages, one row of each by its scope,
 * and the system administrator's file access and chain check. policy.fixtures.ts spreads them into TABLE.
 * Institution A organizes competition 10.
 */
const A = 1;
const ok = true as const;
type Who =
  | 'anonymous'
  | 'upp of A'
  | 'admin lokal of A'
  | 'secretariat of A'
  | 'secretariat of B'
  | 'evaluator of 10'
  | 'panelist of 10'
  | 'system admin'
  | 'data steward';
type Case = [Action, Subjects[Action], Record<Who, true | DenyReason>];

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
