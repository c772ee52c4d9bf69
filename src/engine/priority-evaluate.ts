// Scores candidate dispatch orders by running the scheduler itself on them, so the order the planner keeps is
// judged by exactly the rule the live dispatcher follows. Every schedule is charged to a work budget counted
// in units placed, which keeps the search deterministic (no clock) and bounded on any plan.

import type { PreparedGraph } from "./prepared-graph.js";
import { dispatchMembers } from "./simulate-dispatch.js";
import type { ScheduleEntry } from "./types.js";

export interface ScoredOrder {
  /** The unit (index) at each place: a permutation of the unit indices. */
  byRank: Int32Array;
  makespan: number;
  /** The rule or search step that produced it. */
  rule: string;
}

export class OrderEvaluator {
  private spent = 0;

  /** `work`: how many unit placements the search may spend; one schedule places every unit once. */
  constructor(
    readonly prepared: PreparedGraph,
    readonly agents: number,
    private readonly work: number,
  ) {}

  get count(): number {
    return this.prepared.graph.units.length;
  }

  /** Whether `schedules` more schedules fit in the budget. */
  canAfford(schedules = 1): boolean {
    return this.spent + schedules * this.count <= this.work;
  }

  /**
   * The makespan of dispatching by `byRank`; fills `starts` (by unit index) and appends the schedule to
   * `entries` when given.
   */
  makespan(byRank: Int32Array, starts?: Float64Array, entries: ScheduleEntry[] | null = null): number {
    return this.run(this.prepared, byRank, starts, entries);
  }

  /**
   * A schedule of other units with the same count (the reversed graph of forward-backward improvement), charged
   * to the same budget.
   */
  run(
    prepared: PreparedGraph,
    byRank: Int32Array,
    starts?: Float64Array,
    entries: ScheduleEntry[] | null = null,
  ): number {
    this.spent += this.count;
    // The b-level order is the prepared graph's own ranking: no need to rank it again.
    const ranked = byRank === prepared.byRank ? prepared : prepared.withOrder(byRank);
    return dispatchMembers(ranked, null, this.agents, 0, entries, starts ? { starts } : {});
  }

  score(byRank: Int32Array, rule: string): ScoredOrder {
    return { byRank, makespan: this.makespan(byRank), rule };
  }
}
