import { describe, expect, it } from 'vitest';
import type { Me } from '../api/session.js';
import { landingPath } from '../components/landing.js';
import { landingPathFor, LOCAL_ADMIN_LANDING } from './landing.js';

const base = {
  createCompetition: false,
  manageUnitsOf: [] as number[],
  viewProposals: false,
};
const me = (abilities: Partial<typeof base>, mustCompleteProfile = false) =>
  ({ mustCompleteProfile, abilities: { ...base, ...abilities } }) as unknown as Me;

describe('landingPathFor: where each role lands after logging in', () => {
  it.each([
    ['the secretariat', me({ createCompetition: true, viewProposals: true }), '/sekretariat/kompetisi'],
    [
      'an admin lokal: the proposals that need their action',
      me({ manageUnitsOf: [7], viewProposals: true }),
      '/usulan?state=sent_to_local_admin,withdrawn',
    ],
    ['a unit manager without proposals', me({ manageUnitsOf: [7] }), '/instansi/7/unit'],
    ['a UPP', me({ viewProposals: true }), '/usulan'],
    ['anyone else (an evaluator, a panelist, a data steward): their home', me({}), '/beranda'],
  ])('%s → %s', (_who, who, path) => {
    expect(landingPathFor(who)).toBe(path);
  });

  it('is what login follows when no ?next= and a complete profile', () => {
    const admin = me({ manageUnitsOf: [7], viewProposals: true });
    expect(landingPath(admin)).toBe(LOCAL_ADMIN_LANDING);
    expect(landingPath(admin, '/usulan/5')).toBe('/usulan/5');
    expect(landingPath(me({ manageUnitsOf: [7], viewProposals: true }, true))).toBe('/lengkapi-profil');
  });
});
