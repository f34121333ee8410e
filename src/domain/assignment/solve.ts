/*
 * The assignment of reviewers to proposals (issue 12 point 3), solved optimally.
 *
 * Objective, lexicographic:
 *  1. Every proposal gets exactly the reviewers it needs (`need`), never one in conflict with it or
 *     excluded from it, never the same one twice, and no reviewer beyond its capacity. If that is
 *     impossible NOTHING is assigned and the report names the proposals that cannot be served and why
 *     (explain.ts). Existing assignments are never moved: they only count in the loads.
 *  2. Loads balanced: the vector of final loads (existing + new) is decreasingly minimal: the largest
 *     load is as small as possible, then the next largest, and so on. On these sets (the loads reachable
 *     by a bipartite assignment form an M-convex set) that is the same as minimising Σ load², and it
 *     also maximises the smallest load (Frank & Murota, "Discrete decreasing minimization", 2022). So
 *     max − min ≤ 1 whenever capacities, conflicts and existing loads allow it, and as close as they
 *     allow otherwise. Reviewers whose existing load is already above the level keep it.
 *  3. Expertise: among those, the fewest pairs whose reviewer lacks the proposal's category.
 *  4. Deterministic: inputs are sorted by id, the algorithm has no randomness, ties go to smaller ids.
 *
 * Method: a min-cost flow (min-cost-flow.ts) on classes of interchangeable proposals (classes.ts):
 *   source → class (capacity size × need) → reviewer (capacity size: each proposal takes a reviewer at
 *   most once; cost 1 when the reviewer lacks the category) → sink (capacity = room under the capacity;
 *   convex cost M·(2·load + 1) for the unit that brings the load from `load` to `load + 1`, i.e. M·Σ load²
 *   in total). M exceeds the number of pairs, so one unit of balance outweighs every expertise miss:
 *   minimising M·Σ load² + misses is exactly the lexicographic order above. The flow is then cut into
 *   pairs per class with McNaughton's wrap-around: the class's flows to its reviewers (each ≤ its size
 *   n) are laid one after another on slots 0, 1, 2, …, slot i going to the class's proposal i mod n, so
 *   every proposal receives `need` distinct reviewers.
 */
import { byId, proposalClasses, type ProposalClass } from './classes.js';
import { individualReason, summaryText, unserved } from './explain.js';
import { FlowNetwork } from './min-cost-flow.js';
import type {
  AssignedPair,
  AssignmentInput,
  AssignmentResult,
  AssignmentReviewer,
  UnservedProposal,
} from './model.js';

export interface SolveStats {
  classes: number;
  arcs: number;
  phases: number;
}

function checkInput({ proposals, reviewers }: AssignmentInput): void {
  const ids = new Set<number>();
  for (const r of reviewers) {
    if (ids.has(r.id)) throw new Error(`assignment: reviewer ${r.id} appears twice`);
    ids.add(r.id);
    if (!Number.isInteger(r.currentLoad) || r.currentLoad < 0)
      throw new Error(`assignment: reviewer ${r.id} has a bad current load`);
    if (r.capacity !== null && (!Number.isInteger(r.capacity) || r.capacity < 0))
      throw new Error(`assignment: reviewer ${r.id} has a bad capacity`);
  }
  const pids = new Set<number>();
  for (const p of proposals) {
    if (pids.has(p.id)) throw new Error(`assignment: proposal ${p.id} appears twice`);
    pids.add(p.id);
    if (!Number.isInteger(p.need) || p.need < 0)
      throw new Error(`assignment: proposal ${p.id} has a bad need`);
  }
}

/** Places the new pairs (see the header); `stats` receives the sizes of the network when given. */
export function assignReviewers(input: AssignmentInput, stats?: SolveStats): AssignmentResult {
  checkInput(input);
  const reviewers = [...input.reviewers].sort(byId);
  const classes = proposalClasses(input.proposals, reviewers);
  const demand = classes.reduce((s, c) => s + c.proposals.length * c.need, 0);
  // The total cost is at most M·(Σ loads)²; it and every potential must stay exact integers in a double.
  const top = reviewers.reduce((sum, r) => sum + r.currentLoad, 0) + demand + 1;
  if ((demand + 1) * top * top > Number.MAX_SAFE_INTEGER)
    throw new Error('assignment: the instance is too large for exact costs');
  const room = reviewers.map((r) =>
    r.capacity === null ? demand : Math.max(0, Math.min(demand, r.capacity - r.currentLoad)),
  );

  const problems: UnservedProposal[] = [];
  const solvable: ProposalClass[] = [];
  for (const c of classes) {
    const reason = individualReason(c, room);
    if (reason) problems.push(...unserved(c, reason));
    else solvable.push(c);
  }

  const flow = solveFlow(solvable, reviewers, room, demand + 1);
  if (stats) Object.assign(stats, { classes: classes.length, arcs: flow.arcs, phases: flow.phases });
  problems.push(...flow.shortage);
  if (problems.length) {
    problems.sort((a, b) => a.proposalId - b.proposalId);
    return { ok: false, pairs: [], unserved: problems, message: summaryText(problems.length) };
  }

  const pairs: AssignedPair[] = [];
  const added = new Array<number>(reviewers.length).fill(0);
  solvable.forEach((c, ci) => {
    const n = c.proposals.length;
    let slot = 0;
    c.eligible.forEach((j, e) => {
      const f = flow.classFlows[ci][e];
      added[j] += f;
      const expertiseMatch = reviewers[j].expertise.includes(c.categoryKey);
      for (let u = 0; u < f; u++, slot++)
        pairs.push({ proposalId: c.proposals[slot % n].id, reviewerId: reviewers[j].id, expertiseMatch });
    });
  });
  pairs.sort((a, b) => a.proposalId - b.proposalId || a.reviewerId - b.reviewerId);
  const loads = reviewers.map((r, j) => ({
    reviewerId: r.id,
    before: r.currentLoad,
    after: r.currentLoad + added[j],
    capacity: r.capacity,
  }));
  const after = loads.map((l) => l.after);
  return {
    ok: true,
    pairs,
    loads,
    cost: {
      pairs: pairs.length,
      expertiseMisses: pairs.filter((p) => !p.expertiseMatch).length,
      sumOfSquaredLoads: after.reduce((s, v) => s + v * v, 0),
      maxLoad: after.length ? Math.max(...after) : 0,
      minLoad: after.length ? Math.min(...after) : 0,
    },
  };
}

interface FlowOutcome {
  /** Per solvable class, the units sent to each of its eligible reviewers (same order). */
  classFlows: number[][];
  shortage: UnservedProposal[];
  arcs: number;
  phases: number;
}

function solveFlow(
  classes: readonly ProposalClass[],
  reviewers: readonly AssignmentReviewer[],
  room: readonly number[],
  big: number,
): FlowOutcome {
  const C = classes.length;
  const R = reviewers.length;
  const s = 0;
  const t = C + R + 1;
  const net = new FlowNetwork(C + R + 2);
  // Sink arcs first: a reviewer's own list then starts with its way out (the augmenting paths try it first).
  reviewers.forEach((r, j) => {
    if (room[j] > 0) net.addArc(1 + C + j, t, room[j], big * (2 * r.currentLoad + 1), 2 * big);
  });
  const sourceArcs = classes.map((c, ci) => net.addArc(s, 1 + ci, c.proposals.length * c.need, 0));
  const pairArcs: number[][] = [];
  classes.forEach((c, ci) => {
    const n = c.proposals.length;
    pairArcs.push(
      c.eligible.map((j) =>
        net.addArc(1 + ci, 1 + C + j, n, reviewers[j].expertise.includes(c.categoryKey) ? 0 : 1),
      ),
    );
  });
  const result = net.solve(s, t);
  const classFlows = pairArcs.map((arcs) => arcs.map((a) => net.flow(a)));

  const shortage: UnservedProposal[] = [];
  const supply = classes.reduce((sum, c) => sum + c.proposals.length * c.need, 0);
  if (result.flow < supply) {
    // The source side of the minimum cut: these classes cannot all be served, every other one can.
    const side = net.reachable(s);
    const group = classes.filter((_, ci) => side[1 + ci]);
    const groupNeed = group.reduce((sum, c) => sum + c.proposals.length * c.need, 0);
    const placesLeft = classes.reduce((sum, _, ci) => sum + (side[1 + ci] ? net.flow(sourceArcs[ci]) : 0), 0);
    const reviewerIds = reviewers.filter((_, j) => side[1 + C + j]).map((r) => r.id);
    const groupSize = group.reduce((sum, c) => sum + c.proposals.length, 0);
    for (const c of group)
      shortage.push(...unserved(c, { kind: 'shortage', groupSize, groupNeed, placesLeft, reviewerIds }));
  }
  return { classFlows, shortage, arcs: net.arcCount, phases: result.phases };
}
