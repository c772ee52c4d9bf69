// The STG part of the schedule benchmark: every graph of the 50- and 100-task sets at P = 2, 4, 8, 16, scheduled
// in the planner's best order, by one b-level pass, first-in-first-out and in waves; each makespan over the
// best-known length (the optimum where proven), and the time of the search over that of one b-level pass.

import { performance } from "node:perf_hooks";
import { PreparedGraph } from "../src/engine/prepared-graph.js";
import { bestOrderOf } from "../src/engine/priority-plan.js";
import { fifoSchedule, wavesSchedule } from "../src/engine/schedule.js";
import { dispatchMembers } from "../src/engine/simulate-dispatch.js";
import type { DispatchUnit, Schedule } from "../src/engine/types.js";
import { checkSchedule } from "./check-schedule.js";
import { type OptimumRow, readOptimumTable, readStgSet } from "./schedule-data.js";

export const stgSets = ["50", "100"] as const;
export const agentCounts = [2, 4, 8, 16] as const;

export interface StgRow {
  set: string;
  agents: number;
  graphs: number;
  best: RatioSummary;
  bLevel: RatioSummary;
  fifo: RatioSummary;
  waves: RatioSummary;
  /** Graphs where the best order reaches the best-known length, and where it beats it (not proven optimal). */
  atBestKnown: number;
  belowBestKnown: number;
  /** Graphs where a makespan is below the proven lower bound: must stay 0. */
  belowLower: number;
  searchMs: number;
  passMs: number;
  /** How often each rule (without its search step) won. */
  rules: Map<string, number>;
}

/** Mean and worst of the ratios of one row. */
export class RatioSummary {
  private sum = 0;
  private count = 0;
  private worst = 0;

  add(ratio: number): void {
    this.sum += ratio;
    this.count++;
    this.worst = Math.max(this.worst, ratio);
  }

  get mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  get max(): number {
    return this.worst;
  }

  /** `mean / max` as the tables print them. */
  get text(): string {
    return `${this.mean.toFixed(4)} / ${this.max.toFixed(4)}`;
  }
}

export function runStg(dir: string): StgRow[] {
  const table = readOptimumTable(dir);
  const rows: StgRow[] = [];
  for (const set of stgSets) {
    const graphs = readStgSet(dir, set);
    for (const agents of agentCounts) {
      const wanted = table.filter((row) => row.set === set && row.agents === agents);
      rows.push(runRow(set, agents, wanted, graphs));
    }
  }
  return rows;
}

function runRow(
  set: string,
  agents: number,
  wanted: OptimumRow[],
  graphs: Map<string, DispatchUnit[]>,
): StgRow {
  const row: StgRow = {
    set,
    agents,
    graphs: 0,
    best: new RatioSummary(),
    bLevel: new RatioSummary(),
    fifo: new RatioSummary(),
    waves: new RatioSummary(),
    atBestKnown: 0,
    belowBestKnown: 0,
    belowLower: 0,
    searchMs: 0,
    passMs: 0,
    rules: new Map(),
  };
  for (const optimum of wanted) {
    const units = graphs.get(optimum.graph);
    if (!units) throw new Error(`stg/${set}/${optimum.graph} is in the optimum table but not on disk`);
    const what = `stg/${set}/${optimum.graph} at P = ${agents}`;
    let start = performance.now();
    const pass: Schedule = { entries: [], makespan: 0 };
    pass.makespan = dispatchMembers(new PreparedGraph(units), null, agents, 0, pass.entries);
    row.passMs += performance.now() - start;
    start = performance.now();
    const best: Schedule = { entries: [], makespan: 0 };
    const found = bestOrderOf(new PreparedGraph(units), agents, {}, best.entries);
    best.makespan = found.makespan;
    row.searchMs += performance.now() - start;
    const fifo = fifoSchedule(units, agents);
    const waves = wavesSchedule(units, agents);
    for (const [schedule, name] of [
      [pass, "b-level"],
      [best, "best order"],
      [fifo, "FIFO"],
      [waves, "waves"],
    ] as const) {
      checkSchedule(units, schedule, agents, `${what}, ${name}`);
      if (schedule.makespan < optimum.lower) row.belowLower++;
    }
    row.graphs++;
    row.best.add(best.makespan / optimum.bestKnown);
    row.bLevel.add(pass.makespan / optimum.bestKnown);
    row.fifo.add(fifo.makespan / optimum.bestKnown);
    row.waves.add(waves.makespan / optimum.bestKnown);
    if (best.makespan <= optimum.bestKnown) row.atBestKnown++;
    if (best.makespan < optimum.bestKnown) row.belowBestKnown++;
    const rule = found.rule;
    row.rules.set(rule, (row.rules.get(rule) ?? 0) + 1);
  }
  return row;
}
