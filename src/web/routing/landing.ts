import type { Me } from '../api/session.js';

/** The admin lokal's work list: proposals sent to them and forwarded ones they took back (issue 11). */
export const LOCAL_ADMIN_LANDING = '/usulan?state=sent_to_local_admin,withdrawn';

/**
 * Where a signed-in person's work is, when nothing else says where to go (components/landing.ts decides
 * the profile and ?next= first). One small function per role so each role's home is one line here.
 */
export function landingPathFor(me: Me): string {
  if (me.abilities.createCompetition) return '/sekretariat/kompetisi';
  const unitsOf = me.abilities.manageUnitsOf[0];
  if (unitsOf !== undefined)
    return me.abilities.viewProposals ? LOCAL_ADMIN_LANDING : `/instansi/${unitsOf}/unit`;
  if (me.abilities.viewProposals) return '/usulan';
  return '/';
}
