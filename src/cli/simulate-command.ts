// `swarm-dispatch simulate FILE`: read the scenario (if any), run the simulation, print the report or the JSON
// object, and write the SVG Gantt chart when asked. Options are checked before any file is read.

import { formatDiagnostic, sortDiagnostics } from "../plan/diagnostics.js";
import type { Plan } from "../plan/model.js";
import { parseScenario } from "../simulate/parse-scenario.js";
import { renderSimulation } from "../simulate/render-simulation.js";
import { renderSimulationSvg } from "../simulate/render-simulation-svg.js";
import type { Scenario } from "../simulate/scenario-schema.js";
import { defaultSeed, simulateTrack } from "../simulate/simulate-track.js";
import { simulationJson } from "../simulate/simulation-json.js";
import { readInputFile, writeOutputFile } from "./files.js";
import { type CliIo, exitCodes } from "./io.js";
import { UsageError } from "./usage.js";

export interface SimulateSettings {
  seed: number;
  noise: number;
  scenario: string | null;
  svg: string | null;
  json: boolean;
}

/** The CLI's I/O, plus writing a file (for --svg); Node's file system when the caller gives none. */

export function parseSimulateOptions(values: {
  seed?: string | undefined;
  noise?: string | undefined;
  scenario?: string | undefined;
  svg?: string | undefined;
  json?: boolean | undefined;
}): SimulateSettings {
  const seed = values.seed === undefined ? defaultSeed : Number(values.seed);
  if (values.seed !== undefined && (!/^\d{1,10}$/.test(values.seed) || seed > 0xffffffff))
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (got "${values.seed}")`);
  const noise = values.noise === undefined ? 0 : Number(values.noise);
  if (values.noise !== undefined && (!/^\d+(\.\d+)?$/.test(values.noise) || noise > 1))
    throw new UsageError(`--noise must be a number from 0 to 1, e.g. 0.3 for ±30% (got "${values.noise}")`);
  if (values.scenario === "") throw new UsageError("--scenario needs a file");
  if (values.svg === "") throw new UsageError("--svg needs a file");
  return {
    seed,
    noise,
    scenario: values.scenario ?? null,
    svg: values.svg ?? null,
    json: values.json ?? false,
  };
}

export async function runSimulate(
  plan: Plan,
  agents: number,
  settings: SimulateSettings,
  io: CliIo,
): Promise<number> {
  let scenario: Scenario | undefined;
  if (settings.scenario !== null) {
    const read = await readScenario(settings.scenario, plan, io);
    if (typeof read === "number") return read;
    scenario = read;
  }
  const result = simulateTrack(plan, {
    agents,
    seed: settings.seed,
    noise: settings.noise,
    ...(scenario ? { scenario } : {}),
  });
  if (settings.svg !== null) {
    const written = await writeOutputFile(settings.svg, renderSimulationSvg(result), io);
    if (written !== exitCodes.ok) return written;
  }
  io.stdout(
    settings.json
      ? `${JSON.stringify(simulationJson(result), null, 2)}\n`
      : renderSimulation(result, settings.scenario !== null ? { scenario: settings.scenario } : {}),
  );
  return exitCodes.ok;
}

async function readScenario(file: string, plan: Plan, io: CliIo): Promise<Scenario | number> {
  const text = await readInputFile(file, io);
  if (typeof text === "number") return text;
  const result = parseScenario(text, { file, plan });
  const diagnostics = sortDiagnostics(result.diagnostics);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  if (!result.scenario) {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    io.stderr(`${file}: ${errors} error${errors === 1 ? "" : "s"}; nothing was simulated\n`);
    return exitCodes.invalid;
  }
  return result.scenario;
}
