// One list of units prepared for analysis: its unit graph and what the analyses derive from it (topological
// order, b-levels, wave layers, dispatch ranks, locks), each computed once, on first use. Analysing
// a plan needs them for the waves, the critical path and two schedules; recomputing them for each was most of
// the time `swarm-dispatch plan` took on a large plan. Rankings in an explicit order (`withOrder`) share all of it.

import { type DispatchRanks, dispatchRanks } from "./dispatch-ranks.js";
import { sortIfNeeded } from "./sort-if-needed.js";
import { parseTouches, type Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";
import { buildUnitGraph, kahnOrder, type UnitGraph } from "./unit-graph.js";
import { compileUnitLocks, type UnitLocks } from "./unit-locks.js";

/** What every ranking of the same units shares: the graph and what is derived from it, computed on first use. */
interface Derived {
  graph: UnitGraph;
  order: number[] | null;
  levels: Float64Array | null;
  layers: number[][] | null;
  hours: Float64Array | null;
  scratch: { runOf: Int32Array; waiting: Int32Array; runs: number } | null;
  touches: Touch[][] | null;
  locks: UnitLocks | null;
}

export class PreparedGraph {
  private derived: Derived;
  private readonly priorityOf: ReadonlyMap<string, number> | null;
  private ranksMemo: DispatchRanks | null = null;

  /**
   * `priorityOf` (unit id → dispatch priority, 0 when absent) replaces the units' own b-levels as the priority,
   * for a schedule of part of a plan ranked by the b-levels of the whole.
   */
  constructor(units: readonly DispatchUnit[], priorityOf: ReadonlyMap<string, number> | null = null) {
    const graph = buildUnitGraph(units);
    this.derived = {
      graph,
      order: null,
      levels: null,
      layers: null,
      hours: null,
      scratch: null,
      touches: null,
      locks: null,
    };
    this.priorityOf = priorityOf;
  }

  get graph(): UnitGraph {
    return this.derived.graph;
  }

  /**
   * The same units dispatched in an explicit order (`byRank[k]`: the unit at place k, a permutation of the unit
   * indices), sharing the graph, locks and everything else derived; the search for a better order ranks
   * thousands of candidate orders over one graph.
   */
  withOrder(byRank: Int32Array): PreparedGraph {
    const ranked = new PreparedGraph([]);
    ranked.derived = this.derived;
    const ranks = new Int32Array(byRank.length);
    for (let rank = 0; rank < byRank.length; rank++) ranks[byRank[rank] as number] = rank;
    ranked.ranksMemo = { ranks, byRank, total: true };
    return ranked;
  }

  /** Units sharing an id make id-keyed results ambiguous; analyses keep their id-based rules for them. */
  get hasUniqueIds(): boolean {
    return this.graph.indexOf.size === this.graph.units.length;
  }

  /** Kahn order, ties by plan order (see `kahnOrder`). */
  get order(): readonly number[] {
    this.derived.order ??= kahnOrder(this.graph);
    return this.derived.order;
  }

  /** For each unit: its hours plus the longest chain of hours that waits for it. */
  get levels(): Float64Array {
    if (this.derived.levels) return this.derived.levels;
    const { units, dependentStart, dependentList } = this.graph;
    const levels = new Float64Array(units.length);
    const order = this.order;
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k] as number;
      let after = 0;
      for (let e = dependentStart[i] as number; e < (dependentStart[i + 1] as number); e++)
        after = Math.max(after, levels[dependentList[e] as number] as number);
      levels[i] = (units[i] as DispatchUnit).hours + after;
    }
    this.derived.levels = levels;
    return levels;
  }

  /**
   * Kahn levels: layer 0 waits for nothing, a unit in layer k waits for something in layer k-1. Each layer is
   * in plan order.
   */
  get layers(): readonly (readonly number[])[] {
    if (this.derived.layers) return this.derived.layers;
    const { units, depStart, depList } = this.graph;
    const level = new Int32Array(units.length);
    const layers: number[][] = [];
    for (const i of this.order) {
      let wave = 0;
      for (let e = depStart[i] as number; e < (depStart[i + 1] as number); e++)
        wave = Math.max(wave, (level[depList[e] as number] as number) + 1);
      level[i] = wave;
      const layer = layers[wave];
      if (layer) layer.push(i);
      else layers[wave] = [i];
    }
    const orders = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) orders[i] = (units[i] as DispatchUnit).order;
    const inPlanOrder = (a: number, b: number): number =>
      (orders[a] as number) - (orders[b] as number) || a - b;
    this.derived.layers = layers
      .filter((layer) => layer !== undefined)
      .map((layer) => sortIfNeeded(layer, inPlanOrder));
    return this.derived.layers;
  }

  /** Each unit's place in dispatch priority (priority descending, then plan order): lower goes first. */
  get ranks(): Int32Array {
    return this.ranked().ranks;
  }

  /** The unit at each place in dispatch priority. */
  get byRank(): Int32Array {
    return this.ranked().byRank;
  }

  /**
   * Whether priorities and plan orders are all finite numbers: then the ranking is a total order, so ranking any
   * subset of the units alone orders it as the whole ranking does.
   */
  get ranksAreTotal(): boolean {
    return this.ranked().total;
  }

  /** Each unit's hours, in a flat list for the scheduler. */
  get hours(): Float64Array {
    if (this.derived.hours) return this.derived.hours;
    const { units } = this.graph;
    const hours = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) hours[i] = (units[i] as DispatchUnit).hours;
    this.derived.hours = hours;
    return hours;
  }

  /** Per-unit scratch arrays for simulations over these units, which run one at a time. */
  get scratch(): { runOf: Int32Array; waiting: Int32Array; runs: number } {
    const count = this.graph.units.length;
    this.derived.scratch ??= { runOf: new Int32Array(count), waiting: new Int32Array(count), runs: 0 };
    return this.derived.scratch;
  }

  /** Each write-local unit's touches parsed (see `parseTouches`); nothing for the others, which lock no touch. */
  get touches(): readonly (readonly Touch[])[] {
    this.derived.touches ??= this.graph.units.map((unit) =>
      unit.concurrency === "write-local" ? parseTouches(unit.touches) : [],
    );
    return this.derived.touches;
  }

  /** Each unit's locks, numbered by one lock table that every schedule of these units then uses. */
  get locks(): UnitLocks {
    this.derived.locks ??= compileUnitLocks(this.graph.units, this.touches);
    return this.derived.locks;
  }

  private ranked(): DispatchRanks {
    if (this.ranksMemo) return this.ranksMemo;
    const { units, indexOf } = this.graph;
    const levels = this.priorityOf === null ? this.levels : null;
    const unique = this.hasUniqueIds;
    const level = new Float64Array(units.length);
    for (let i = 0; i < units.length; i++) {
      const id = (units[i] as DispatchUnit).id;
      // Priority is looked up by id, as the map the public functions pass around would give it.
      if (levels === null) level[i] = this.priorityOf?.get(id) ?? 0;
      else level[i] = levels[unique ? i : (indexOf.get(id) as number)] as number;
    }
    this.ranksMemo = dispatchRanks(units, level);
    return this.ranksMemo;
  }
}
