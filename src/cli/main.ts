// swarm-dispatch: parse the command line into a typed command, run it, return the exit code. Thin by design:
// the work is in src/plan, src/engine and src/render.

import { parseArgs } from "node:util";
import { analyzePlan } from "../engine/analyze-plan.js";
import type { PlanFormat } from "../plan/draft.js";
import { planFormats } from "../plan/parse-plan.js";
import { renderDispatchPlan } from "../render/render-dispatch-plan.js";
import { type CliIo, exitCodes } from "./io.js";
import { readPlan } from "./read-plan.js";
import { parseSimulateOptions, runSimulate } from "./simulate-command.js";
import { UsageError, usage } from "./usage.js";
import { version } from "./version.js";

const commands = ["plan", "validate", "simulate", "demo"];
const simulateOnly = ["seed", "noise", "scenario", "svg"] as const;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError && "code" in error)) throw error;
    io.stderr(`swarm-dispatch: ${error.message}\nRun 'swarm-dispatch --help' for usage.\n`);
    return exitCodes.usage;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      agents: { type: "string" },
      format: { type: "string" },
      json: { type: "boolean" },
      seed: { type: "string" },
      noise: { type: "string" },
      scenario: { type: "string" },
      svg: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return exitCodes.ok;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  const [command, file, ...extra] = positionals;
  if (command === undefined) throw new UsageError("missing command (plan, validate, simulate or demo)");
  if (!commands.includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (command === "demo") {
    const out = parseDemoArgs(values, positionals.slice(1));
    // Loaded only for demo: it brings the GitHub fake and its checkers, which plan and validate never need.
    const { runDemo } = await import("./demo-command.js");
    return runDemo(out === undefined ? {} : { out }, io);
  }
  if (values.out !== undefined) throw new UsageError("--out is an option of demo only");
  if (file === undefined) throw new UsageError(`${command} needs a plan file`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = parseFormat(values.format);
  if (command === "validate" && (values.agents !== undefined || values.json)) {
    throw new UsageError("validate takes only --format");
  }
  const foreign = simulateOnly.find((option) => values[option] !== undefined);
  if (command !== "simulate" && foreign) throw new UsageError(`--${foreign} is an option of simulate only`);
  const simulate = command === "simulate" ? parseSimulateOptions(values) : null;
  const agents = values.agents === undefined ? undefined : parseAgents(values.agents);

  const plan = await readPlan(file, format, io);
  if (typeof plan === "number") return plan;
  if (command === "validate") {
    io.stderr(`${file}: valid (${plan.tasks.length} tasks, format ${plan.format})\n`);
    return exitCodes.ok;
  }
  if (simulate) return runSimulate(plan, agents ?? plan.track.maxParallel, simulate, io);
  const { analysis, conflictsTruncated } = analyzePlan(plan, agents ?? plan.track.maxParallel);
  io.stdout(
    values.json
      ? `${JSON.stringify(analysis, null, 2)}\n`
      : renderDispatchPlan(plan, analysis, { conflictsTruncated }),
  );
  return exitCodes.ok;
}

/** demo runs a built-in track: no plan file, and no option but --out. Returns the out folder, if given. */
function parseDemoArgs(
  values: Record<string, string | boolean | undefined>,
  extra: readonly string[],
): string | undefined {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": demo runs its own plan`);
  const foreign = Object.keys(values).find((name) => name !== "out" && values[name] !== undefined);
  if (foreign) throw new UsageError(`demo takes only --out (got --${foreign})`);
  if (values.out === "") throw new UsageError("--out needs a folder");
  return typeof values.out === "string" ? values.out : undefined;
}

function parseFormat(value: string | undefined): PlanFormat | undefined {
  if (value === undefined) return undefined;
  if (!(planFormats as readonly string[]).includes(value)) {
    throw new UsageError(`--format must be one of ${planFormats.join(", ")} (got "${value}")`);
  }
  return value as PlanFormat;
}

function parseAgents(value: string): number {
  const agents = Number(value);
  if (!/^\d+$/.test(value) || agents < 1 || agents > 1000) {
    throw new UsageError(`--agents must be a whole number from 1 to 1000 (got "${value}")`);
  }
  return agents;
}
