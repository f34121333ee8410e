/*
 * Minimum-cost maximum flow with convex arcs, exact in integers: the network algorithm under the
 * assignment (solve.ts), written for the review engine's sizes (thousands of nodes, a few million arcs).
 *
 * An arc has a capacity and a cost per unit that may grow with its flow: the unit after `f` units costs
 * `cost + slope·f` (slope ≥ 0), so its total cost is convex; slope 0 is an ordinary linear arc. Convex
 * arcs carry the balance of the loads without one arc per unit.
 *
 * Algorithm: primal-dual (successive shortest paths with node potentials). Each phase runs Dijkstra on
 * the reduced costs (never negative, the potentials keep them so), stops when the sink is settled, raises
 * the potentials, then sends a maximal (blocking) flow through the admissible arcs (residual, reduced
 * cost 0) with Dinic's level graph: every path of the same shortest length goes in one phase, so the
 * number of phases is the number of distinct path lengths, not the number of units. A convex arc with
 * slope > 0 is admissible for one unit at a time (the next unit costs more). The result is a maximum flow
 * of minimum cost: a flow is optimal when its residual graph has no negative cycle, which the non-negative
 * reduced costs certify at every step (Ahuja, Magnanti, Orlin, Network Flows, ch. 9 and 14).
 *
 * Costs and potentials are integers kept in doubles: exact while they stay below 2^53 (the caller's
 * costs are far below).
 */
import { IndexedMinHeap } from './heap.js';

export interface FlowResult {
  flow: number;
  cost: number;
  /** Dijkstra phases run (a figure for the bench). */
  phases: number;
}

export class FlowNetwork {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly capList: number[] = [];
  private readonly costList: number[] = [];
  private readonly slopeList: number[] = [];
  // Residual arcs in CSR order: those leaving node u sit at positions adjStart[u] … adjStart[u + 1] − 1,
  // so a node's scan reads memory in sequence (the arrays outgrow the CPU caches at 30,000 proposals).
  // Per position: its head, its residual capacity, the cost of its next unit (kept current as flow
  // moves on a convex arc), the position of its reverse, and its arc number (+1 forward, −1 − i reverse).
  private adjStart = new Int32Array(0);
  private head = new Int32Array(0);
  private resid = new Int32Array(0);
  private unitCost = new Float64Array(0);
  private mate = new Int32Array(0);
  private arcOf = new Int32Array(0);
  private forwardAt = new Int32Array(0);
  private built = false;
  private pi = new Float64Array(0);
  private level = new Int32Array(0);
  private it = new Int32Array(0);
  private sinkLevel = 0;

  constructor(readonly nodes: number) {}

  /** Adds an arc u → v and answers its number (for `flow`). */
  addArc(u: number, v: number, capacity: number, cost: number, slope = 0): number {
    if (this.built) throw new Error('FlowNetwork: arcs are added before solving');
    if (slope < 0) throw new Error('FlowNetwork: slope must be ≥ 0 (convex costs only)');
    this.from.push(u);
    this.to.push(v);
    this.capList.push(capacity);
    this.costList.push(cost);
    this.slopeList.push(slope);
    return this.from.length - 1;
  }

  /** Units on arc `arc` after solving. */
  flow(arc: number): number {
    return this.built ? this.resid[this.mate[this.forwardAt[arc]]] : 0;
  }

  get arcCount(): number {
    return this.from.length;
  }

  private build(): void {
    const m = this.from.length;
    const n = this.nodes;
    const deg = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      deg[this.from[i]]++;
      deg[this.to[i]]++;
    }
    this.adjStart = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.adjStart[v + 1] = this.adjStart[v] + deg[v];
    const fill = this.adjStart.slice(0, n);
    this.head = new Int32Array(2 * m);
    this.resid = new Int32Array(2 * m);
    this.unitCost = new Float64Array(2 * m);
    this.mate = new Int32Array(2 * m);
    this.arcOf = new Int32Array(2 * m);
    this.forwardAt = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const kf = fill[this.from[i]]++;
      const kr = fill[this.to[i]]++;
      this.head[kf] = this.to[i];
      this.head[kr] = this.from[i];
      this.resid[kf] = this.capList[i];
      this.mate[kf] = kr;
      this.mate[kr] = kf;
      this.arcOf[kf] = i;
      this.arcOf[kr] = -1 - i;
      this.forwardAt[i] = kf;
      this.setCosts(i);
    }
    this.pi = new Float64Array(n);
    this.level = new Int32Array(n);
    this.it = new Int32Array(n);
    this.built = true;
  }

  /** The next unit's cost both ways on arc i, from its flow. */
  private setCosts(i: number): void {
    const kf = this.forwardAt[i];
    const kr = this.mate[kf];
    const f = this.resid[kr];
    const a = this.costList[i];
    const b = this.slopeList[i];
    this.unitCost[kf] = a + b * f;
    this.unitCost[kr] = -(a + b * (f - 1));
  }

  private convex(k: number): boolean {
    const a = this.arcOf[k];
    return this.slopeList[a >= 0 ? a : -1 - a] !== 0;
  }

  private push(k: number, amount: number): void {
    this.resid[k] -= amount;
    this.resid[this.mate[k]] += amount;
    const a = this.arcOf[k];
    const i = a >= 0 ? a : -1 - a;
    if (this.slopeList[i] !== 0) this.setCosts(i);
  }

  /** Sends as much flow as possible from s to t at the least cost. Costs must start non-negative. */
  solve(s: number, t: number): FlowResult {
    if (!this.built) this.build();
    let phases = 0;
    const n = this.nodes;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const heap = new IndexedMinHeap(n, dist);
    const { pi, adjStart, head, resid, unitCost } = this;
    for (;;) {
      // Dijkstra on reduced costs, stopped once t is settled.
      dist.fill(Infinity);
      done.fill(0);
      heap.clear();
      dist[s] = 0;
      heap.push(s);
      while (!heap.empty) {
        const u = heap.pop();
        done[u] = 1;
        if (u === t) break;
        const du = dist[u] + pi[u];
        for (let k = adjStart[u], end = adjStart[u + 1]; k < end; k++) {
          if (resid[k] <= 0) continue;
          const v = head[k];
          if (done[v]) continue;
          const nd = du + unitCost[k] - pi[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(v);
          }
        }
      }
      if (!done[t]) break;
      phases++;
      const dt = dist[t];
      for (let v = 0; v < n; v++) pi[v] += done[v] && dist[v] < dt ? dist[v] : dt;
      if (this.blockingFlow(s, t) === 0) break;
    }
    let flow = 0;
    let cost = 0;
    for (let i = 0; i < this.from.length; i++) {
      const f = this.flow(i);
      if (this.from[i] === s) flow += f;
      else if (this.to[i] === s) flow -= f;
      cost += f * this.costList[i] + (this.slopeList[i] * f * (f - 1)) / 2;
    }
    return { flow, cost, phases };
  }

  /** Dinic on the admissible arcs (residual, reduced cost 0): BFS levels, then augmenting paths. */
  private blockingFlow(s: number, t: number): number {
    const { level, adjStart, head, resid, unitCost, pi, it } = this;
    const n = this.nodes;
    let total = 0;
    const queue = new Int32Array(n);
    for (;;) {
      // No admissible arc into t (every sink arc at this price is full): no path, spare the BFS.
      if (!this.admissibleInto(t)) return total;
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++];
        if (level[t] >= 0 && level[u] >= level[t]) break;
        const pu = pi[u];
        for (let k = adjStart[u], end = adjStart[u + 1]; k < end; k++) {
          const v = head[k];
          if (level[v] >= 0 || resid[k] <= 0 || unitCost[k] + pu - pi[v] !== 0) continue;
          level[v] = level[u] + 1;
          queue[qt++] = v;
        }
      }
      if (level[t] < 0) return total;
      this.sinkLevel = level[t];
      it.set(adjStart.subarray(0, n));
      let pushed: number;
      while ((pushed = this.augment(s, t, Infinity)) > 0) total += pushed;
    }
  }

  private admissibleInto(t: number): boolean {
    const { adjStart, head, resid, unitCost, pi, mate } = this;
    for (let k = adjStart[t], end = adjStart[t + 1]; k < end; k++) {
      const f = mate[k];
      if (resid[f] > 0 && unitCost[f] + pi[head[k]] - pi[t] === 0) return true;
    }
    return false;
  }

  /** One augmenting path from u in the level graph; a node found to lead nowhere leaves the level graph. */
  private augment(u: number, t: number, limit: number): number {
    if (u === t) return limit;
    const { level, adjStart, head, resid, unitCost, pi, it } = this;
    const next = level[u] + 1;
    const pu = pi[u];
    for (const end = adjStart[u + 1]; it[u] < end; it[u]++) {
      const k = it[u];
      const v = head[k];
      // Only t itself is worth entering at t's level: other nodes there lead nowhere in this graph.
      if (level[v] !== next || (next === this.sinkLevel && v !== t)) continue;
      if (resid[k] <= 0 || unitCost[k] + pu - pi[v] !== 0) continue;
      // A convex arc takes one unit at this cost; the next one costs more.
      const room = this.convex(k) ? 1 : resid[k];
      const got = this.augment(v, t, Math.min(limit, room));
      if (got > 0) {
        this.push(k, got);
        return got;
      }
      level[v] = -1;
    }
    return 0;
  }

  /** Nodes reachable from s in the residual graph (after `solve`): the source side of a minimum cut. */
  reachable(s: number): Uint8Array {
    const seen = new Uint8Array(this.nodes);
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      for (let k = this.adjStart[u], end = this.adjStart[u + 1]; k < end; k++) {
        const v = this.head[k];
        if (!seen[v] && this.resid[k] > 0) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}
