import type { Binding, RouteCase } from './routes.js';
import type { World } from './world.js';

/*
 * The selection's exports (issue 12 point 9) in the role × route matrix. The scores of a stage: the
 * organizer's secretariat only, each on its own competition's evaluation_1 (never the system administrator,
 * never an evaluator: the scores are blind). A score sheet: the evaluator holding the assignment and the
 * organizer's secretariat; the world's evaluation is submitted by the matrix's own submit route, so before
 * that an allowed reader gets 409 evaluation_not_submitted.
 */

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

export const SCORE_EXPORT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /api/competitions/:id/stages/:stageId/scores.xlsx': { bindings: organizerStage() },
  // Every reviewer's sheet of one proposal, by name (issue 13): the same people as the scores' XLSX.
  'GET /api/competitions/:id/stages/:stageId/proposals/:proposalId/sheets': {
    bindings: [
      {
        name: "X's finalist in A's evaluation_1 (own organizer)",
        params: (w: World) => ({ id: w.compA, stageId: w.stageA, proposalId: w.finalistX }),
        allow: ['secretariat'],
      },
      {
        name: "Y's proposal in B's evaluation_1 (another organizer)",
        params: (w: World) => ({ id: w.compB, stageId: w.stageB, proposalId: w.pYForwardedB.id }),
        allow: ['secretariat_other'],
      },
    ],
  },
  'GET /api/review/assignments/:id/score-sheet.pdf': {
    bindings: [
      {
        name: "the evaluator's scored assignment in A",
        params: (w: World) => ({ id: w.reviewA.scoredAssignmentId }),
        allow: ['evaluator', 'secretariat'],
        alsoAccept: [409],
      },
      {
        name: "the evaluator's unscored assignment in A",
        params: (w: World) => ({ id: w.reviewA.assignmentId }),
        allow: ['evaluator', 'secretariat'],
        alsoAccept: [409],
      },
    ],
  },
};
