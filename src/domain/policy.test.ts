import { describe, expect, it } from 'vitest';
import { decide, type Actor } from './policy.js';
import {
  installationRoles,
  institutionScope,
  ownCertificateScope,
  proposalScope,
  recordScope,
} from './policy-scopes.js';
import { A, ACTORS, B, C, TABLE } from './policy.fixtures.js';

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

  it("derives whose certificates each role lists as its own from the same rules (never the organizer's)", () => {
    expect(ownCertificateScope(ACTORS['upp of A'])).toEqual({ institutionIds: [], unitIds: [5] });
    expect(ownCertificateScope(ACTORS['admin lokal of A'])).toEqual({ institutionIds: [A], unitIds: [] });
    expect(ownCertificateScope(ACTORS['secretariat of A'])).toEqual({ institutionIds: [], unitIds: [] });
    expect(ownCertificateScope(ACTORS['evaluator of 10'])).toEqual({ institutionIds: [], unitIds: [] });
    expect(ownCertificateScope(null)).toEqual({ institutionIds: [], unitIds: [] });
    // A secretariat of A that is also the admin lokal of C lists C's certificates, not A's competitions'.
    const both: Actor = {
      userId: 8,
      grants: [
        { role: 'secretariat', institutionId: A, unitId: null, competitionId: null },
        { role: 'local_admin', institutionId: C, unitId: null, competitionId: null },
      ],
    };
    expect(ownCertificateScope(both)).toEqual({ institutionIds: [C], unitIds: [] });
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
