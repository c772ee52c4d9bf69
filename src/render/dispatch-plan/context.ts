// What every section of the dispatch plan reads: the plan, the numbers computed from it, and the units regrouped once.

import type { PlanAnalysis } from "../../engine/plan-analysis.js";
import type { Plan } from "../../plan/model.js";
import type { UnitView } from "../unit-view.js";

export interface DispatchPlanContext {
  plan: Plan;
  analysis: PlanAnalysis;
  units: UnitView[];
  unitsById: ReadonlyMap<string, UnitView>;
  /** The engine stopped listing conflicting pairs at its limit. */
  conflictsTruncated: boolean;
}
