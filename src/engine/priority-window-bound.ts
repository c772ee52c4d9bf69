// A sharper lower bound for graphs whose work cannot start at once: no unit starts before its t-level (the
// chain it waits for), so after any such time a, the work that cannot have been done by then still has to be
// spread over the agents: makespan ≥ a + that work / P. The same holds mirrored at the end of the schedule,
// where every unit leaves at least its b-level minus its own hours after it. A workflow whose first unit takes
// a fifth of the run and everything else waits for it is where this bound is tight and the plain one is not.

import type { PreparedGraph } from "./prepared-graph.js";

/** Above this many units the bound is skipped: it costs one pass over the units per distinct t-level. */
export const windowBoundLimit = 2000;

/**
 * `agents`: usable agents; `roundUp` rounds a span up to the grain every schedule's times share (see
 * `makespanBound`). 0 for plans above `windowBoundLimit` units.
 */
export function windowBound(
  prepared: PreparedGraph,
  tLevels: Float64Array,
  agents: number,
  roundUp: (span: number) => number,
): number {
  const { hours, levels } = prepared;
  if (hours.length > windowBoundLimit) return 0;
  // What each unit leaves after its end at the least: the longest chain waiting for it.
  const tails = levels.map((level, i) => level - (hours[i] as number));
  return Math.max(edgeBound(tLevels, hours, agents, roundUp), edgeBound(tails, hours, agents, roundUp));
}

/**
 * For each distinct `edge` value a, the units' hours that must fall after a (a unit cannot run before its edge),
 * over the agents, after a.
 */
function edgeBound(
  edges: Float64Array,
  hours: Float64Array,
  agents: number,
  roundUp: (span: number) => number,
): number {
  const thresholds = [...new Set(edges)].filter((edge) => edge > 0 && Number.isFinite(edge));
  let bound = 0;
  for (const threshold of thresholds) {
    let forced = 0;
    for (let i = 0; i < hours.length; i++) {
      const late = (hours[i] as number) - Math.max(0, threshold - (edges[i] as number));
      if (late > 0) forced += late;
    }
    bound = Math.max(bound, threshold + roundUp(forced / agents));
  }
  return bound;
}
