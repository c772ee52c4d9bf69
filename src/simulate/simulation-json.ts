// `simulate --json`: the documented object (README, "simulate --json"), numbers rounded as `plan --json` rounds
// them, so the output is stable and readable.

import { roundTo } from "../engine/round.js";
import type { SimulationResult } from "./simulate-track.js";
import type { TimelineEvent } from "./timeline.js";

export interface SimulationJson {
  makespan: number;
  lowerBound: number;
  criticalPathLength: number;
  totalWork: number;
  agents: number;
  utilisation: number;
  baselines: { fifo: number; waves: number };
  schedule: { id: string; start: number; end: number; agent: number }[];
  events: TimelineEvent[];
}

const round = (value: number): number => roundTo(value, 6);

export function simulationJson(result: SimulationResult): SimulationJson {
  return {
    makespan: round(result.makespan),
    lowerBound: round(result.lowerBound),
    criticalPathLength: round(result.criticalPathLength),
    totalWork: round(result.totalWork),
    agents: result.agents,
    utilisation: roundTo(result.utilisation, 4),
    baselines: {
      fifo: round(result.baselines.fifo),
      waves: round(result.baselines.waves),
    },
    schedule: result.schedule.map((entry) => ({
      id: entry.id,
      start: round(entry.start),
      end: round(entry.end),
      agent: entry.agent,
    })),
    events: result.events.map((event) => ({ ...event, at: round(event.at) })),
  };
}
