import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The final session and the results (issue 13 points 4–6) in the role × route matrix: the plenary for A's
 * secretariat and A's panelist; decisions by A's panelist only; settings and publishing by the organizer's
 * secretariat only (never the system administrator). In the shared world nothing is scored for the
 * presentation, so publishing ends in a 409 after authorization and changes nothing.
 */
const json = (value: unknown): Body => ({ json: value });

const both = (allowA: Binding['allow'], allowB: Binding['allow'], extra: Partial<Binding> = {}) => [
  { name: "A's final session", params: (w: World) => ({ id: w.compA }), allow: allowA, ...extra },
  { name: "B's final session", params: (w: World) => ({ id: w.compB }), allow: allowB, ...extra },
];

const base = '/api/competitions/:id/final-session';

export const RESULTS_ROUTE_CASES: Record<string, RouteCase> = {
  [`GET ${base}`]: { bindings: both(['secretariat', 'panelist'], ['secretariat_other']) },
  [`PUT ${base}/settings`]: {
    bindings: both(['secretariat'], ['secretariat_other'], { body: () => json({ awards: [] }) }),
  },
  [`PUT ${base}/decisions/:proposalId`]: {
    bindings: [
      {
        name: "a finalist of A's final session",
        params: (w: World) => ({ id: w.compA, proposalId: w.finalistX }),
        body: () => json({ awardKey: null, reason: 'Belum berdampak luas.' }),
        allow: ['panelist'],
        alsoAccept: [409],
      },
      {
        name: "A's finalist through B's final session",
        params: (w: World) => ({ id: w.compB, proposalId: w.finalistX }),
        body: () => json({ awardKey: null, reason: 'Belum berdampak luas.' }),
        allow: [],
      },
    ],
  },
  [`POST ${base}/publish`]: {
    bindings: both(['secretariat'], ['secretariat_other'], {
      body: () => json({ decreeNumber: 'Keputusan Menteri PANRB Nomor 45 Tahun 2026' }),
      alsoAccept: [409],
    }),
  },
  'GET /api/competitions/:id/results': {
    public: true,
    params: (w: World) => ({ id: w.compA }),
    alsoAccept: [404],
  },
};
