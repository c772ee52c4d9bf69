// Per-unit measures the priority rules rank by, each computed once on first use: a plan of 10,000 units only
// ever asks for the first few, and the descendant sets behind two of them cost a bit per unit pair.

import type { PreparedGraph } from "./prepared-graph.js";

/** Above this many units, descendants are not counted: their bit sets would take n² / 8 bytes. */
export const descendantLimit = 4096;

export class PriorityKeys {
  private tLevelsMemo: Float64Array | null = null;
  private successorsMemo: Float64Array | null = null;
  private descendantsMemo: { count: Float64Array; work: Float64Array } | null = null;

  constructor(private readonly prepared: PreparedGraph) {}

  get count(): number {
    return this.prepared.graph.units.length;
  }

  /** Hours plus the longest chain of hours waiting for the unit (its b-level). */
  get bLevels(): Float64Array {
    return this.prepared.levels;
  }

  get hours(): Float64Array {
    return this.prepared.hours;
  }

  /** The longest chain of hours the unit waits for: the earliest it can start (its t-level). */
  get tLevels(): Float64Array {
    if (this.tLevelsMemo) return this.tLevelsMemo;
    const { dependentStart, dependentList } = this.prepared.graph;
    const { hours } = this;
    const levels = new Float64Array(this.count);
    for (const i of this.prepared.order) {
      const end = (levels[i] as number) + (hours[i] as number);
      for (let e = dependentStart[i] as number; e < (dependentStart[i + 1] as number); e++) {
        const next = dependentList[e] as number;
        if (end > (levels[next] as number)) levels[next] = end;
      }
    }
    this.tLevelsMemo = levels;
    return levels;
  }

  /** How many units wait directly for the unit. */
  get successors(): Float64Array {
    if (this.successorsMemo) return this.successorsMemo;
    const { dependentStart } = this.prepared.graph;
    const counts = new Float64Array(this.count);
    for (let i = 0; i < counts.length; i++)
      counts[i] = (dependentStart[i + 1] as number) - (dependentStart[i] as number);
    this.successorsMemo = counts;
    return counts;
  }

  /** How many units wait for the unit, directly or not (zero for all above `descendantLimit` units). */
  get descendants(): Float64Array {
    return this.descendantSets().count;
  }

  /** The unit's hours plus those of every unit waiting for it, directly or not. */
  get descendantWork(): Float64Array {
    return this.descendantSets().work;
  }

  private descendantSets(): { count: Float64Array; work: Float64Array } {
    if (this.descendantsMemo) return this.descendantsMemo;
    const { count, hours } = this;
    const counts = new Float64Array(count);
    const work = Float64Array.from(hours);
    if (count <= descendantLimit) {
      const { dependentStart, dependentList } = this.prepared.graph;
      const words = (count + 31) >>> 5;
      const sets = new Uint32Array(count * words);
      const order = this.prepared.order;
      // Reverse topological order: a unit's set is its dependents and their sets, complete before it is read.
      for (let k = order.length - 1; k >= 0; k--) {
        const i = order[k] as number;
        const row = i * words;
        for (let e = dependentStart[i] as number; e < (dependentStart[i + 1] as number); e++) {
          const next = dependentList[e] as number;
          sets[row + (next >>> 5)] = (sets[row + (next >>> 5)] as number) | (1 << (next & 31));
          for (let w = 0; w < words; w++)
            sets[row + w] = (sets[row + w] as number) | (sets[next * words + w] as number);
        }
        for (let w = 0; w < words; w++) {
          // Visit only the set bits, lowest first.
          for (let bits = sets[row + w] as number; bits !== 0; bits &= bits - 1) {
            const j = (w << 5) + 31 - Math.clz32(bits & -bits);
            counts[i] = (counts[i] as number) + 1;
            work[i] = (work[i] as number) + (hours[j] as number);
          }
        }
      }
    }
    this.descendantsMemo = { count: counts, work };
    return this.descendantsMemo;
  }
}
