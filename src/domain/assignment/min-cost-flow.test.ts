import { describe, expect, it } from 'vitest';
import { FlowNetwork } from './min-cost-flow.js';

describe('FlowNetwork', () => {
  it('sends the maximum flow at the least cost, taking back an earlier path when that is cheaper', () => {
    // s=0, a=1, b=2, t=3. The first shortest path is s→a→b→t (cost 1); the second unit can only reach t
    // by undoing a→b (s→b→t and s→a→t): the optimum has no flow on a→b, cost 0 + 5.
    const net = new FlowNetwork(4);
    const arcs = [
      net.addArc(0, 1, 1, 0),
      net.addArc(0, 2, 1, 0),
      net.addArc(1, 2, 1, 1),
      net.addArc(2, 3, 1, 0),
      net.addArc(1, 3, 1, 5),
    ];
    expect(net.solve(0, 3)).toMatchObject({ flow: 2, cost: 5 });
    expect(arcs.map((x) => net.flow(x))).toEqual([1, 1, 0, 1, 1]);
  });

  it('a convex arc costs cost + slope·f for the unit after f: the flow spreads to the cheaper arc', () => {
    const net = new FlowNetwork(3);
    const convex = net.addArc(0, 1, 10, 1, 2); // units cost 1, 3, 5, 7, …
    const flat = net.addArc(0, 1, 10, 4); // units cost 4
    const out = net.addArc(1, 2, 5, 0);
    const result = net.solve(0, 2);
    // Five units: 1, 3 on the convex arc, then 4, 4, 4 on the flat one (5 > 4).
    expect(result.flow).toBe(5);
    expect(result.cost).toBe(1 + 3 + 4 + 4 + 4);
    expect([net.flow(convex), net.flow(flat), net.flow(out)]).toEqual([2, 3, 5]);
  });

  it('leaves the sink out of the reachable side when the flow is maximal', () => {
    const net = new FlowNetwork(3);
    net.addArc(0, 1, 3, 0);
    net.addArc(1, 2, 1, 0);
    expect(net.solve(0, 2).flow).toBe(1);
    expect([...net.reachable(0)]).toEqual([1, 1, 0]);
  });
});
