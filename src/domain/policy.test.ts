import { describe, expect, it } from 'vitest';
import {
  decide,
  installationRoles,
  institutionScope,
  proposalScope,
  recordScope,
  type Action,
  type Actor,
  type DenyReason,
  type Role,
  type Subjects,
} from './policy.js';

const A = 1; // institution A (also the organizer of competition 10)
const B = 2; // institution B (organizer of another competition)
const C = 3; // institution C, a participant
const actor = (
  role: Role,
  scope: { institutionId?: number; unitId?: number; competitionId?: number } = {},
): Actor => ({
  userId: 99,
  grants: [
    {
      role,
      institutionId: scope.institutionId ?? null,
      unitId: scope.unitId ?? null,
      competitionId: scope.competitionId ?? null,
    },
  ],
});

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  'upp of A': actor('upp', { institutionId: A, unitId: 5 }),
  'admin lokal of A': actor('local_admin', { institutionId: A }),
  'secretariat of A': actor('secretariat', { institutionId: A }),
  'secretariat of B': actor('secretariat', { institutionId: B }),
  'evaluator of 10': actor('evaluator', { competitionId: 10 }),
  'panelist of 10': actor('panelist', { competitionId: 10 }),
  'system admin': actor('system_admin'),
  'data steward': actor('data_steward'),
};

type Case = [Action, Subjects[Action], Record<keyof typeof ACTORS, true | DenyReason>];
const ok = true as const;

/** The policy as a table: each action against each role, with the reason for every refusal. */
const TABLE: Case[] = [
  [
    'competition.create',
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
    'competition.manage',
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
    'invitation.manage',
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
  // Installation-wide reference data (institution and award registries, admin lokal account requests):
  // the system administrator and the data steward it delegates to, never a secretariat as such.
  ...(['institution.manage', 'award.manage', 'adminRequest.review'] as const).map((action): Case => [
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
      'data steward': ok,
    },
  ]),
  // Units of institution C: C takes part in a competition organized by A (a forwarded proposal or a
  // khusus invitation), in none of B's.
  [
    'unit.view',
    { institutionId: C, participatesIn: [A] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': ok,
      'secretariat of B': 'notParticipant',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'unit.view',
    { institutionId: A, participatesIn: [] },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'notParticipant',
      'secretariat of B': 'notParticipant',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'unit.manage',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.createUpp',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.manageUpp',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.manageUpp',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'user.viewInstitution',
    { institutionId: B },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
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
  ...(['proposal.create', 'proposal.edit', 'proposal.takeBack', 'proposal.delete'] as const).flatMap(
    (action): Case[] => [
      [
        action,
        { institutionId: A, unitId: 5 },
        {
          anonymous: 'notAuthenticated',
          'upp of A': ok,
          'admin lokal of A': 'missingRole',
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
        { institutionId: A, unitId: 6 },
        {
          anonymous: 'notAuthenticated',
          'upp of A': 'otherUnit',
          'admin lokal of A': 'missingRole',
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
  [
    'proposal.view',
    { institutionId: A, unitId: 5 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.view',
    { institutionId: B, unitId: 6 },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.review',
    { institutionId: A },
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
    'proposal.review',
    { institutionId: B },
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
  [
    'proposal.viewAll',
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
  // One proposal, as every proposal route and the evidence routes load it (else 404): its unit's UPP and
  // its institution's admin lokal in any state; the organizer's secretariat once it has left the
  // institution (forwarded or received), never before; the system administrator always.
  ...(['draft', 'sent_to_local_admin', 'returned', 'withdrawn', 'frozen'] as const).map((state): Case => [
    'proposal.read',
    { institutionId: A, unitId: 5, organizerInstitutionId: A, state },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': 'otherInstitution',
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ]),
  ...(['forwarded', 'received'] as const).map((state): Case => [
    'proposal.read',
    { institutionId: A, unitId: 5, organizerInstitutionId: A, state },
    {
      anonymous: 'notAuthenticated',
      'upp of A': ok,
      'admin lokal of A': ok,
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ]),
  // A proposal of institution C (unit 7) in a competition organized by B.
  [
    'proposal.read',
    { institutionId: C, unitId: 7, organizerInstitutionId: B, state: 'forwarded' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': ok,
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'proposal.read',
    { institutionId: C, unitId: 7, organizerInstitutionId: B, state: 'sent_to_local_admin' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': 'otherInstitution',
      'secretariat of A': 'otherOrganizer',
      'secretariat of B': 'otherInstitution',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // Another unit of institution A, forwarded in A's own competition.
  [
    'proposal.read',
    { institutionId: A, unitId: 6, organizerInstitutionId: A, state: 'forwarded' },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'otherUnit',
      'admin lokal of A': ok,
      'secretariat of A': ok,
      'secretariat of B': 'otherOrganizer',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  // Participation (issue 11 point 7): the organizer's secretariat per institution, the admin lokal per
  // unit; the system administrator may look but sends no reminder in their name.
  [
    'participation.viewInstitutions',
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
    'participation.remindInstitutions',
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
    'participation.viewUnits',
    { institutionId: A },
    {
      anonymous: 'notAuthenticated',
      'upp of A': 'missingRole',
      'admin lokal of A': ok,
      'secretariat of A': 'missingRole',
      'secretariat of B': 'missingRole',
      'evaluator of 10': 'missingRole',
      'panelist of 10': 'missingRole',
      'system admin': ok,
      'data steward': 'missingRole',
    },
  ],
  [
    'participation.remindUnits',
    { institutionId: C },
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
  [
    'user.manageAll',
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
  ],
];

describe('policy', () => {
  for (const [action, subject, expected] of TABLE) {
    for (const [who, outcome] of Object.entries(expected)) {
      it(`${action}: ${who} → ${outcome === true ? 'allowed' : outcome}`, () => {
        const d = decide(ACTORS[who], action, subject as never);
        expect(d.allowed ? true : d.reason).toBe(outcome);
      });
    }
  }

  it('derives which stored messages and events each role reads from the same rules', () => {
    expect(recordScope(ACTORS['system admin'], 'outbox.read')).toEqual({
      all: true,
      organizerIds: [],
      referenceData: true,
    });
    expect(recordScope(ACTORS['secretariat of A'], 'audit.read')).toEqual({
      all: false,
      organizerIds: [A],
      referenceData: false,
    });
    expect(recordScope(ACTORS['data steward'], 'audit.read')).toEqual({
      all: false,
      organizerIds: [],
      referenceData: true,
    });
    expect(recordScope(ACTORS['admin lokal of A'], 'outbox.read')).toEqual({
      all: false,
      organizerIds: [],
      referenceData: false,
    });
  });

  it('moves the clock only when the feature is on, and only for the system administrator', () => {
    expect(decide(ACTORS['system admin'], 'clock.control', {}, { clockControl: false })).toEqual({
      allowed: false,
      reason: 'featureDisabled',
    });
    expect(decide(ACTORS['system admin'], 'clock.control', {}, { clockControl: true })).toEqual({
      allowed: true,
    });
    expect(decide(ACTORS['secretariat of A'], 'clock.control', {}, { clockControl: true })).toEqual({
      allowed: false,
      reason: 'missingRole',
    });
  });

  it('lists the institutions where an admin lokal may manage units: its own only', () => {
    expect(institutionScope(ACTORS['admin lokal of A'], 'unit.manage')).toEqual({
      any: false,
      institutionIds: [A],
    });
    expect(institutionScope(ACTORS['system admin'], 'unit.manage')).toEqual({
      any: true,
      institutionIds: [],
    });
    expect(institutionScope(ACTORS['upp of A'], 'unit.manage')).toEqual({ any: false, institutionIds: [] });
  });

  it('derives where each role sees proposals from the same rules', () => {
    expect(proposalScope(ACTORS['upp of A'])).toEqual({
      any: false,
      institutionIds: [],
      unitIds: [5],
      anyOrganizer: false,
      organizerIds: [],
    });
    expect(proposalScope(ACTORS['admin lokal of A'])).toMatchObject({
      any: false,
      institutionIds: [A],
      unitIds: [],
    });
    expect(proposalScope(ACTORS['secretariat of B'])).toEqual({
      any: false,
      institutionIds: [],
      unitIds: [],
      anyOrganizer: false,
      organizerIds: [B],
    });
    expect(proposalScope(ACTORS['system admin'])).toMatchObject({ any: true, anyOrganizer: true });
    expect(proposalScope(ACTORS['evaluator of 10'])).toEqual({
      any: false,
      institutionIds: [],
      unitIds: [],
      anyOrganizer: false,
      organizerIds: [],
    });
  });
});

describe('scope of a secretariat that is also the data steward (KIPP: the national organizer)', () => {
  const national: Actor = {
    userId: 7,
    grants: [
      { role: 'secretariat', institutionId: A, unitId: null, competitionId: null },
      { role: 'data_steward', institutionId: null, unitId: null, competitionId: null },
    ],
  };

  it('manages the reference data, and still only its own competitions', () => {
    expect(decide(national, 'institution.manage', {})).toEqual({ allowed: true });
    expect(decide(national, 'award.manage', {})).toEqual({ allowed: true });
    expect(decide(national, 'adminRequest.review', {})).toEqual({ allowed: true });
    expect(decide(national, 'competition.manage', { organizerInstitutionId: B })).toEqual({
      allowed: false,
      reason: 'otherOrganizer',
    });
    expect(decide(national, 'proposal.viewAll', { organizerInstitutionId: B })).toEqual({
      allowed: false,
      reason: 'otherOrganizer',
    });
    expect(decide(national, 'unit.view', { institutionId: C, participatesIn: [B] })).toEqual({
      allowed: false,
      reason: 'notParticipant',
    });
  });

  it('names the roles told about work that needs an installation-wide grant', () => {
    expect(installationRoles('adminRequest.review')).toEqual(['system_admin', 'data_steward']);
    expect(installationRoles('user.manageAll')).toEqual(['system_admin']);
  });
});
