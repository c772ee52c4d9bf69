// First-in-first-out ranks, handed out while a simulated dispatch runs: the units freed by the same finishes are
// ranked among themselves by plan order, after every unit that became ready before. A unit parked on a lock
// keeps its rank, so it still goes before anything that became ready after it. (Finishes at one clock time are
// one event, except that a zero-hour unit started then frees its dependents in a later event at the same time.)

import type { NumberHeap } from "./heap.js";
import type { DispatchUnit } from "./types.js";

export class Arrivals {
  private readonly batch: number[] = [];
  private next = 0;

  /** `ranks` and `byRank` are filled in as units arrive (see `DispatchRanks`). */
  constructor(
    private readonly units: readonly DispatchUnit[],
    private readonly ranks: Int32Array,
    private readonly byRank: Int32Array,
  ) {}

  /** Unit `i` became ready now. */
  add(i: number): void {
    this.batch.push(i);
  }

  /** Ranks the units that became ready now, in plan order, and queues them. */
  admit(ready: NumberHeap): void {
    const { batch, units } = this;
    if (batch.length === 0) return;
    if (batch.length > 1) {
      batch.sort((a, b) => {
        const oa = (units[a] as DispatchUnit).order;
        const ob = (units[b] as DispatchUnit).order;
        return oa < ob ? -1 : ob < oa ? 1 : a - b;
      });
    }
    for (const i of batch) {
      this.ranks[i] = this.next;
      this.byRank[this.next] = i;
      ready.push(this.next++);
    }
    batch.length = 0;
  }
}
