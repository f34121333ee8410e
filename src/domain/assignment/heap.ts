/**
 * A binary min-heap of node numbers keyed by a Float64Array the caller owns, with decrease-key: the
 * priority queue of Dijkstra in min-cost-flow.ts. Ties pop the smaller node first, so a run is the same
 * every time.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get empty(): boolean {
    return this.size === 0;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]] = -1;
    this.size = 0;
  }

  /** Inserts `node`, or moves it up after its key decreased. */
  push(node: number): void {
    let i = this.pos[node];
    if (i < 0) {
      i = this.size++;
      this.heap[i] = node;
      this.pos[node] = i;
    }
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0];
    this.pos[top] = -1;
    const last = this.heap[--this.size];
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private up(i: number): void {
    const { heap, pos } = this;
    const node = heap[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(node, heap[p])) break;
      heap[i] = heap[p];
      pos[heap[i]] = i;
      i = p;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private down(i: number): void {
    const { heap, pos } = this;
    const node = heap[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.less(heap[c + 1], heap[c])) c++;
      if (!this.less(heap[c], node)) break;
      heap[i] = heap[c];
      pos[heap[i]] = i;
      i = c;
    }
    heap[i] = node;
    pos[node] = i;
  }
}
