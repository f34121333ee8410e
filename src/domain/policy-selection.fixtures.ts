import type { Action, DenyReason, Subjects } from './policy.js';

/*
 * The policy's table rows of the selection's other parts (issue 12: assignment and stage results, the uji
 * publik, the review teams, the scoring), in their own file like the administrative check's;
 * policy.fixtures.ts spreads them into TABLE. Institution A organizes competition 10.
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

export const SELECTION_TABLE: Case[] = [
  // The assignment of reviewers and a stage's results (issue 12): the organizer's own secretariat, not the
  // system administrator.
  ...(['assignment.manage', 'stageResults.manage', 'finalists.manage'] as const).map((action): Case => [
    action,
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
  ]),
  [
    'objection.triage',
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
    'objection.adjudicate',
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
    'objection.adjudicate',
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
    'reviewTeam.manage',
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
    'reviewerProfile.edit',
    { competitionId: 10, team: 'evaluation' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': ok,
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'reviewerProfile.edit',
    { competitionId: 10, team: 'panel' },
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
    'reviewerProfile.edit',
    { competitionId: 11, team: 'evaluation' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'otherCompetition',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'evaluation.view',
    { competitionId: 10, team: 'evaluation', reviewerUserId: 98, active: true },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'notAssigned',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'evaluation.view',
    { competitionId: 10, team: 'evaluation', reviewerUserId: 99, active: false },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'notAssigned',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'evaluation.score',
    { competitionId: 11, team: 'evaluation', reviewerUserId: 99, active: true },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'otherCompetition',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'evaluation.score',
    { competitionId: 10, team: 'panel', reviewerUserId: 99, active: true },
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
  ...(['review.progress', 'review.manage', 'selection.view'] as const).map((action): Case => [
    action,
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
  ]),
];
