import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The finalists (issue 12 points 7–8) in the role × route matrix: the organizer's secretariat only (never
 * the system administrator). In the shared world the evidence stage is not decided, so compute, publish and
 * fix end in a 409 after authorization and change nothing; the settings are saved as their defaults.
 */
const json = (value: unknown): Body => ({ json: value });

const organizer = (extra: Partial<Binding> = {}): readonly Binding[] => [
  {
    name: "A's finalists (own organizer)",
    params: (w: World) => ({ id: w.compA }),
    allow: ['secretariat'],
    ...extra,
  },
  {
    name: "B's finalists (another organizer)",
    params: (w: World) => ({ id: w.compB }),
    allow: ['secretariat_other'],
    ...extra,
  },
];

const base = '/api/competitions/:id/finalists';

export const FINALIST_ROUTE_CASES: Record<string, RouteCase> = {
  [`GET ${base}`]: { bindings: organizer() },
  [`PUT ${base}/settings`]: { bindings: organizer({ body: () => json({}) }) },
  [`POST ${base}/compute`]: { bindings: organizer({ alsoAccept: [409] }) },
  [`POST ${base}/publish`]: {
    bindings: organizer({
      body: () => json({ letterNumber: 'B/201/PP.00.05/2026', version: 1 }),
      alsoAccept: [409],
    }),
  },
  [`POST ${base}/final`]: {
    bindings: organizer({
      body: () => json({ decreeNumber: 'Keputusan Nomor 12 Tahun 2026' }),
      alsoAccept: [409],
    }),
  },
};
