import type { Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * Public participation (issue 13 point 8) in the role × route matrix. The visitor's routes are public (no
 * account; in the world A's window is not set, so a code request is refused 409 with the times and a
 * rating without a verified session 409/401). The report: A's secretariat and A's panel; the window and
 * the exclusion: the organizer's secretariat only (no group is flagged in the world: 409).
 */
const json = (value: unknown): Body => ({ json: value });
const compA = (w: World) => ({ id: w.compA });
const compB = (w: World) => ({ id: w.compB });
const base = '/api/competitions/:id/public-ratings';
const pub = '/api/public/competitions/:id/public-ratings';

export const PUBLIC_RATING_ROUTE_CASES: Record<string, RouteCase> = {
  [`GET ${pub}/window`]: { public: true, params: compA },
  [`GET ${pub}`]: { public: true, params: compA },
  [`POST ${pub}/code`]: {
    public: true,
    alsoAccept: [400, 409, 429],
    params: compA,
    body: () => json({ email: 'warga@contoh.id', locale: 'id' }),
  },
  [`POST ${pub}/verify`]: {
    public: true,
    alsoAccept: [400, 404, 409, 429],
    params: compA,
    body: () => json({ requestId: 999999, code: '123456' }),
  },
  [`PUT ${pub}/ratings`]: {
    public: true,
    alsoAccept: [400, 401, 409, 429],
    params: compA,
    body: () => json({ proposalId: 1, value: 4 }),
  },
  [`GET ${base}`]: {
    bindings: [
      { name: "A's", params: compA, allow: ['secretariat', 'panelist'] },
      { name: "B's", params: compB, allow: ['secretariat_other'] },
    ],
  },
  [`PUT ${base}/window`]: {
    bindings: [
      {
        name: "A's",
        params: compA,
        body: () => json({ enabled: false, opensAt: null, closesAt: null }),
        allow: ['secretariat'],
      },
      {
        name: "B's",
        params: compB,
        body: () => json({ enabled: false, opensAt: null, closesAt: null }),
        allow: ['secretariat_other'],
      },
    ],
  },
  [`POST ${base}/exclusions`]: {
    bindings: [
      {
        name: "A's",
        params: compA,
        body: () => json({ groupKey: 'ip:10.0.0.1', reason: 'Satu kantor memakai banyak alamat.' }),
        allow: ['secretariat'],
        alsoAccept: [409],
      },
    ],
  },
};
