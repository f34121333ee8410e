import type { Me } from '../api/session.js';

/** The admin lokal's work list: proposals sent to them and forwarded ones they took back (issue 11). */
export const LOCAL_ADMIN_LANDING = '/usulan?state=sent_to_local_admin,withdrawn';

/**
 * A signed-in person's home: the page where their work is, chosen from the abilities the API returned.
 * Whoever has none of those pages (an evaluator, a panelist, a data steward) gets the home that says what
 * their work is and when it starts (/beranda), never the public front page.
 */
export function landingPathFor(me: Me): string {
  if (me.abilities.createCompetition) return '/sekretariat/kompetisi';
  const unitsOf = me.abilities.manageUnitsOf[0];
  if (unitsOf !== undefined)
    return me.abilities.viewProposals ? LOCAL_ADMIN_LANDING : `/instansi/${unitsOf}/unit`;
  if (me.abilities.viewProposals) return '/usulan';
  return '/beranda';
}
