// The track's dispatch order: the planner's best order over the work left, so that a live track dispatches as
// `plan` and `simulate` predict. Recomputed when units enter the track.

import { priorityOrder } from "../priority-plan.js";
import type { DispatchUnit } from "../types.js";
import type { TrackState } from "./state.js";
import { workLeft } from "./unit-spec.js";

/** Units of the track as the scheduler sees them: the work left of every unit not done. */
export function remainingUnits(track: TrackState): DispatchUnit[] {
  const units: DispatchUnit[] = [];
  for (const id of Object.keys(track.units)) {
    const spec = track.units[id];
    const run = track.runs[id];
    if (!spec || !run || run.status === "done") continue;
    const left = workLeft(spec, run.doneTasks);
    units.push({
      id,
      title: spec.title,
      taskIds: spec.taskIds,
      deps: spec.deps.filter((dep) => track.runs[dep]?.status !== "done"),
      touches: spec.touches,
      concurrency: spec.concurrency,
      mode: spec.needsPerson ? "foreground" : "background",
      hours: left.hours,
      costUsd: left.costUsd,
      status: "todo",
      order: spec.order,
    });
  }
  return units.sort((a, b) => a.order - b.order);
}

/**
 * Unit ids, best first: the planner's best order for the work left with the track's agents (the order `plan`
 * and `simulate` schedule by). Units done go last (they are never dispatched).
 */
export function priorityOf(track: TrackState): string[] {
  const ranked = priorityOrder(remainingUnits(track), track.settings.maxParallel);
  const placed = new Set(ranked);
  const rest = Object.keys(track.units).filter((id) => !placed.has(id));
  return [...ranked, ...rest];
}
