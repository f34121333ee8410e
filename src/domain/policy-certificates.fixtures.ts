import { A, ok, C, type Case } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the certificates (piagam, issue 13 point 5); policy.fixtures.ts spreads them
 * into TABLE. Institution A organizes competition 10; institution C is a participant (unit 7), and the
 * UPP of A serves A's unit 5.
 */

export const CERTIFICATES_TABLE: Case[] = [
  [
    'certificate.listOwn',
    {},
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
  // Settings, issuing, revoking, every certificate of the competition: the organizer's secretariat only.
  [
    'certificate.manage',
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
  // A's own proposal (unit 5) in A's competition: its UPP, its admin lokal, the organizer's secretariat.
  [
    'certificate.download',
    { institutionId: A, unitId: 5, organizerInstitutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // C's proposal in B's competition: none of these.
  [
    'certificate.download',
    { institutionId: C, unitId: 7, organizerInstitutionId: 2 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': ok,
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // One's own as a participant (the list of /piagam): the admin lokal of the institution, the UPP of the
  // unit; never the secretariat as such, even the organizer's (it has the competition's page).
  [
    'certificate.viewOwn',
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
  // Another unit of A: its admin lokal, not the UPP of unit 5.
  [
    'certificate.viewOwn',
    { institutionId: A, unitId: 6 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': 'missingRole',
      'data steward': 'missingRole',
    },
  ],
  // Another institution's: none of these.
  [
    'certificate.viewOwn',
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
];
