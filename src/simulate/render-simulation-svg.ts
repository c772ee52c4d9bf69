// `simulate --svg`: the simulated schedule as an SVG Gantt chart, one bar per attempt, each task's last attempt
// coloured by where the task ended up (earlier attempts of a retried task show as failed), the critical path of
// the plan highlighted.

import type { UnitStatus } from "../engine/track/state.js";
import { type AttemptStatus, renderSvgGantt } from "../render/svg-gantt.js";
import type { SimulationResult } from "./simulate-track.js";

export function renderSimulationSvg(result: SimulationResult): string {
  const statuses = new Map<string, AttemptStatus>();
  for (const entry of result.schedule) statuses.set(entry.id, attemptStatus(result.statuses.get(entry.id)));
  const name = result.track.title.trim() === "" ? result.track.id : result.track.title;
  return renderSvgGantt({
    entries: result.schedule,
    titles: result.titles,
    makespan: result.makespan,
    title: `Simulation — ${name}`,
    unit: "h",
    statuses,
    criticalPath: result.criticalPath,
  });
}

/** A task not done, failed or cancelled when the run ended was still out or waiting: its last bar is open. */
function attemptStatus(status: UnitStatus | undefined): AttemptStatus {
  if (status === "done" || status === "failed" || status === "cancelled") return status;
  return "running";
}
