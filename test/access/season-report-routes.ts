import type { Binding, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The season report (issue 13 point 7) in the role × route matrix: the organizer's secretariat and the
 * system administrator on each competition; another organizer's secretariat is refused (404), every other
 * role 403.
 */

const organizerOnly: readonly Binding[] = [
  {
    name: "A's competition (own organizer)",
    params: (w: World) => ({ id: w.compA }),
    allow: ['secretariat', 'system_admin'],
  },
  {
    name: "B's competition (another organizer)",
    params: (w: World) => ({ id: w.compB }),
    allow: ['secretariat_other', 'system_admin'],
  },
];

export const SEASON_REPORT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/competitions/:id/season-report': { bindings: organizerOnly },
  'GET /api/competitions/:id/season-report/years': { bindings: organizerOnly },
  'GET /api/competitions/:id/season-report.xlsx': { bindings: organizerOnly },
};
