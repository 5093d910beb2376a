/** A binary heap on (cost, insertion order): the order a stable sort after each push gives. */
export class MinQueue {
  private readonly nodes: number[] = [];
  private readonly costs: number[] = [];
  private readonly orders: number[] = [];
  private pushed = 0;

  empty(): boolean {
    return this.nodes.length === 0;
  }

  push(node: number, cost: number): void {
    this.nodes.push(node);
    this.costs.push(cost);
    this.orders.push(this.pushed++);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { node: number; cost: number } {
    const top = { node: this.nodes[0]!, cost: this.costs[0]! };
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.costs.pop();
    this.orders.pop();
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < last && this.before(left, smallest)) smallest = left;
      if (right < last && this.before(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    return this.costs[a]! < this.costs[b]! || (this.costs[a] === this.costs[b] && this.orders[a]! < this.orders[b]!);
  }

  private swap(a: number, b: number): void {
    const node = this.nodes[a]!;
    const cost = this.costs[a]!;
    const order = this.orders[a]!;
    this.nodes[a] = this.nodes[b]!;
    this.costs[a] = this.costs[b]!;
    this.orders[a] = this.orders[b]!;
    this.nodes[b] = node;
    this.costs[b] = cost;
    this.orders[b] = order;
  }
}
