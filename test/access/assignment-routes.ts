import type { Binding, Body, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The assignment of reviewers and a scored stage's results (issue 12 points 3 and 5) in the role × route
 * matrix: the organizer's secretariat only, each on its own competition's evaluation_1 (never the system
 * administrator: judging work is not theirs as such). Bodies are chosen so an allowed request passes
 * authorization and ends in a domain answer that leaves the shared world as it was.
 */
const json = (value: unknown): Body => ({ json: value });

const organizerStage = (extra: Partial<Binding> = {}): readonly Binding[] => [
  {
    name: "A's evaluation_1 (own organizer)",
    params: (w: World) => ({ id: w.compA, stageId: w.stageA }),
    allow: ['secretariat'],
    ...extra,
  },
  {
    name: "B's evaluation_1 (another organizer)",
    params: (w: World) => ({ id: w.compB, stageId: w.stageB }),
    allow: ['secretariat_other'],
    ...extra,
  },
];

const base = '/api/competitions/:id/stages/:stageId';

export const ASSIGNMENT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/competitions/:id/assignment-stages': {
    bindings: [
      { name: "A's", params: (w: World) => ({ id: w.compA }), allow: ['secretariat'] },
      { name: "B's", params: (w: World) => ({ id: w.compB }), allow: ['secretariat_other'] },
    ],
  },
  [`GET ${base}/assignments/summary`]: { bindings: organizerStage() },
  [`GET ${base}/assignments`]: { bindings: organizerStage() },
  [`GET ${base}/assignments.csv`]: { bindings: organizerStage() },
  // The world's reviewers have no completed profile: a run names them and writes nothing.
  [`POST ${base}/assignments/run`]: { bindings: organizerStage({ alsoAccept: [409] }) },
  [`POST ${base}/assignments`]: {
    bindings: organizerStage({
      body: () => json({ proposalCode: 'KODE-TIDAK-ADA', reviewerId: 1 }),
      alsoAccept: [400, 409],
    }),
  },
  [`POST ${base}/assignments/import`]: {
    bindings: organizerStage({
      body: () =>
        json({ csv: 'kode_proposal,email_penilai\nKODE-TIDAK-ADA,penilai@uji.go.id\n', apply: false }),
      alsoAccept: [409],
    }),
  },
  // Withdraws the evaluator's assignment in A: after every other route.
  [`POST ${base}/assignments/:assignmentId/withdraw`]: {
    last: true,
    bindings: [
      {
        name: "the evaluator's assignment in A",
        params: (w: World) => ({ id: w.compA, stageId: w.stageA, assignmentId: w.reviewA.assignmentId }),
        body: () => json({ reason: 'Uji matriks akses' }),
        allow: ['secretariat'],
        alsoAccept: [409],
      },
    ],
  },
  [`GET ${base}/results`]: { bindings: organizerStage() },
  [`PUT ${base}/results/settings`]: {
    bindings: organizerStage({ body: () => json({ passMark: 80, basis: 'raw' }), alsoAccept: [409] }),
  },
  [`POST ${base}/results/decide`]: { bindings: organizerStage({ alsoAccept: [409] }) },
  [`POST ${base}/results/:proposalId/third`]: {
    bindings: [
      {
        name: "A's evaluation_1 (own organizer)",
        params: (w: World) => ({ id: w.compA, stageId: w.stageA, proposalId: w.pXForwarded.id }),
        allow: ['secretariat'],
        alsoAccept: [409],
      },
      {
        name: "B's evaluation_1 (another organizer)",
        params: (w: World) => ({ id: w.compB, stageId: w.stageB, proposalId: w.pYForwardedB.id }),
        allow: ['secretariat_other'],
        alsoAccept: [409],
      },
    ],
  },
};
