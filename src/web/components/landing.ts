import type { Me } from '../api/session.js';
import { landingPathFor } from '../routing/landing.js';

/** A ?next= value is followed only when it is a path of this site (never another origin). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/**
 * Where a person goes after logging in (or setting a password, or completing the profile): the profile
 * first when it is incomplete, else the page they were sent from, else their main workspace.
 */
export function landingPath(me: Me, next?: string | null): string {
  const target = safeNext(next);
  if (me.mustCompleteProfile)
    return target && target !== '/lengkapi-profil'
      ? `/lengkapi-profil?next=${encodeURIComponent(target)}`
      : '/lengkapi-profil';
  if (target && target !== '/masuk' && !target.startsWith('/masuk?')) return target;
  return landingPathFor(me);
}
