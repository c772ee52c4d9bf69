// The WfCommons part of the schedule benchmark: real workflow traces, each task's files written as its touches
// (so locks are on), at P = 2, 4, 8, 16. No optimum is published, so each makespan is divided by the lower
// bound max(critical path, total work / P); the best order is also shown against the planner's sharper bound.

import { conflictPairs } from "../src/engine/conflicts.js";
import { bLevels } from "../src/engine/graph.js";
import { PreparedGraph } from "../src/engine/prepared-graph.js";
import { makespanBound } from "../src/engine/priority-bound.js";
import { PriorityKeys } from "../src/engine/priority-keys.js";
import { bestOrderOf } from "../src/engine/priority-plan.js";
import { fifoSchedule, lowerBound, wavesSchedule } from "../src/engine/schedule.js";
import { simulateDispatch } from "../src/engine/simulate-dispatch.js";
import type { Schedule } from "../src/engine/types.js";
import { checkSchedule } from "./check-schedule.js";
import { readWorkflows } from "./schedule-data.js";
import { agentCounts } from "./schedule-stg.js";

export interface WorkflowRow {
  name: string;
  agents: number;
  tasks: number;
  /** Unit pairs whose touches overlap: the locks that can bind at all. */
  conflicts: number;
  best: number;
  /** The best order over the planner's own bound (see `makespanBound`): 1 means provably optimal. */
  bestOverSharper: number;
  bLevel: number;
  fifo: number;
  waves: number;
  rule: string;
}

export function runWorkflows(dir: string): WorkflowRow[] {
  const rows: WorkflowRow[] = [];
  for (const { name, units } of readWorkflows(dir)) {
    const conflicts = conflictPairs(units).pairs.length;
    for (const agents of agentCounts) {
      const bound = lowerBound(units, agents);
      // What `estimateSchedule` does, keeping the winning rule.
      const prepared = new PreparedGraph(units);
      const best: Schedule = { entries: [], makespan: 0 };
      const found = bestOrderOf(prepared, agents, {}, best.entries);
      best.makespan = found.makespan;
      const pass = simulateDispatch(units, agents, bLevels(units), 0);
      const fifo = fifoSchedule(units, agents);
      const waves = wavesSchedule(units, agents);
      const what = `wfcommons/${name} at P = ${agents}`;
      checkSchedule(units, best, agents, `${what}, best order`);
      checkSchedule(units, fifo, agents, `${what}, FIFO`);
      checkSchedule(units, waves, agents, `${what}, waves`);
      rows.push({
        name,
        agents,
        tasks: units.length,
        conflicts,
        best: best.makespan / bound,
        bestOverSharper: best.makespan / makespanBound(prepared, agents, new PriorityKeys(prepared).tLevels),
        bLevel: pass.end / bound,
        fifo: fifo.makespan / bound,
        waves: waves.makespan / bound,
        rule: found.rule,
      });
    }
  }
  return rows;
}
