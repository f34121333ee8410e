import type { Subjects } from './policy.js';
import { A, ok, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the selection's exports (issue 12 point 9), in their own file like the other
 * parts of the selection; policy.fixtures.ts spreads them into TABLE. Institution A organizes competition
 * 10; the table's actors are user 99.
 */

const sheet = (over: Partial<Subjects['evaluation.sheet']> = {}): Subjects['evaluation.sheet'] => ({
  organizerInstitutionId: A,
  competitionId: 10,
  team: 'evaluation',
  reviewerUserId: 99,
  active: true,
  ...over,
});

export const EXPORTS_TABLE: Case[] = [
  // Every score of a stage, named by evaluator: the organizer's secretariat only (the scores are blind).
  [
    'scores.export',
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
  // One evaluation's score sheet: its own reviewer (holding the active assignment) or the organizer's secretariat.
  [
    'evaluation.sheet',
    sheet(),
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': ok,
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // Another reviewer's evaluation: not the evaluator's.
  [
    'evaluation.sheet',
    sheet({ reviewerUserId: 98 }),
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'notAssigned',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // A withdrawn assignment is no one's, even its former reviewer's.
  [
    'evaluation.sheet',
    sheet({ active: false }),
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'notAssigned',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // Another competition's evaluation; a panel stage's sheet is its panelist's.
  [
    'evaluation.sheet',
    sheet({ competitionId: 11 }),
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'missingRole',
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'otherCompetition',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  [
    'evaluation.sheet',
    sheet({ team: 'panel' }),
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
];
