// Shared helpers of the simulator's tests: reading fixture plans and scenarios, and the list schedule in the
// order the engine's track dispatches by, which a simulation without noise or scenario must reproduce.

import { readFileSync } from "node:fs";
import { PreparedGraph } from "../../src/engine/prepared-graph.js";
import { dispatchMembers } from "../../src/engine/simulate-dispatch.js";
import { emptyState } from "../../src/engine/track/state.js";
import { stepAll } from "../../src/engine/track/step.js";
import { dispatchUnits } from "../../src/engine/units.js";
import type { Plan } from "../../src/plan/model.js";
import { parsePlan } from "../../src/plan/parse-plan.js";
import { parseScenario } from "../../src/simulate/parse-scenario.js";
import type { Scenario } from "../../src/simulate/scenario-schema.js";

export function readPlanFile(file: string): Plan {
  const result = parsePlan(readFileSync(file, "utf8"), { file });
  if (!result.plan) throw new Error(`${file} is not a valid plan: ${JSON.stringify(result.diagnostics)}`);
  return result.plan;
}

export const demoPlan = (): Plan => readPlanFile("fixtures/plans/demo-track.md");

export function readScenarioFile(file: string, plan: Plan): Scenario {
  const result = parseScenario(readFileSync(file, "utf8"), { file, plan });
  if (!result.scenario) throw new Error(`${file}: ${JSON.stringify(result.diagnostics)}`);
  return result.scenario;
}

export function scenarioOf(text: string, plan: Plan = demoPlan()): Scenario {
  const result = parseScenario(text, { file: "s.yaml", plan });
  if (!result.scenario) throw new Error(JSON.stringify(result.diagnostics));
  return result.scenario;
}

/** The plan without its money ceiling: the planner's schedule knows nothing of budgets. */
export function withoutBudget(plan: Plan): Plan {
  return { ...plan, track: { ...plan.track, budgetUsd: null } };
}

/**
 * The makespan of continuous dispatch in the order the engine's track ranks its units (src/engine/track/
 * priority.ts), scheduled by the planner's own list scheduler.
 */
export function engineOrderMakespan(plan: Plan, agents: number): number {
  const prepared = new PreparedGraph(dispatchUnits(plan));
  const { indexOf } = prepared.graph;
  const byRank = Int32Array.from(engineOrder(plan, agents).map((id) => indexOf.get(id) as number));
  return dispatchMembers(prepared.withOrder(byRank), null, agents, 0, null);
}

/** Ids of the units not done in the engine's dispatch priority, for a track run with `agents` agents. */
export function engineOrder(plan: Plan, agents: number): string[] {
  const { indexOf } = new PreparedGraph(dispatchUnits(plan)).graph;
  const track = { ...plan.track, maxParallel: agents };
  const event = { id: "p", type: "plan" as const, track: plan.track.id, plan: { ...plan, track } };
  const { state } = stepAll(emptyState(agents), [event], 0);
  return (state.tracks[plan.track.id]?.priority ?? []).filter((id) => indexOf.has(id));
}
