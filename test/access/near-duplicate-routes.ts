import { json, pid } from './bindings.js';
import type { Binding, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * Near-duplicates at the administrative check (issue 14 point 5) in the role × route matrix: the
 * competition organizer's secretariat only (not the system administrator); another organizer's secretariat
 * is refused with 404, every other role 403. A proposal still forwarded is not in the check yet (409). The
 * world holds no match: the decision route is refused to everybody (404 for a match that does not exist).
 */

const organizerOnly: readonly Binding[] = [
  {
    name: "A's competition (own organizer)",
    params: (w: World) => ({ id: w.compA }),
    allow: ['secretariat'],
  },
  {
    name: "B's competition (another organizer)",
    params: (w: World) => ({ id: w.compB }),
    allow: ['secretariat_other'],
  },
];

export const NEAR_DUPLICATE_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /api/competitions/:id/near-duplicates/check': { bindings: organizerOnly },
  'GET /api/competitions/:id/near-duplicates': { bindings: organizerOnly },
  'GET /api/admin-checks/:id/near-duplicates': {
    bindings: [
      {
        name: "X's forwarded proposal",
        params: pid((w) => w.pXForwarded),
        allow: ['secretariat'],
        alsoAccept: [409],
      },
      { name: "Y's draft", params: pid((w) => w.pYDraft), allow: [] },
      {
        name: "Y's proposal in B (another organizer)",
        params: pid((w) => w.pYForwardedB),
        allow: ['secretariat_other'],
        alsoAccept: [409],
      },
    ],
  },
  'POST /api/near-duplicate-matches/:id/decision': {
    bindings: [
      {
        name: 'a match that does not exist',
        params: () => ({ id: 999_999 }),
        body: () => json({ decision: 'confirmed_same' }),
        allow: [],
      },
    ],
  },
};
