import type { DenyReason } from './policy.js';
import { A, ok, C, type Case, type Who } from './policy-table.fixtures.js';

/*
 * The policy's table rows of the owner's side of the gallery (issue 14 points 1 and 4), in their own file
 * so parallel work on the policy merges cleanly; policy.fixtures.ts spreads them into TABLE. The admin
 * lokal of A manages A's innovations; C is another institution.
 */

const nobody = {
  anonymous: 'notAuthenticated',
  'upp of A': 'missingRole',
  'admin lokal of A': 'missingRole',
  'secretariat of A': 'missingRole',
  'secretariat of B': 'missingRole',
  'evaluator of 10': 'missingRole',
  'panelist of 10': 'missingRole',
  'system admin': 'missingRole',
  'data steward': 'missingRole',
} as const satisfies Record<Who, DenyReason>;

export const GALLERY_OWNER_TABLE: Case[] = [
  ['galleryOwner.manage', { institutionId: A }, { ...nobody, 'admin lokal of A': ok }],
  ['galleryOwner.manage', { institutionId: C }, { ...nobody, 'admin lokal of A': 'otherInstitution' }],
];
