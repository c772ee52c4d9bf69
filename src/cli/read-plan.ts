// Read and parse a plan file for a command, printing every diagnostic to stderr as file:line. Returns the plan,
// or the exit code to stop with.

import { formatDiagnostic, sortDiagnostics } from "../plan/diagnostics.js";
import type { PlanFormat } from "../plan/draft.js";
import type { Plan } from "../plan/model.js";
import { parsePlan } from "../plan/parse-plan.js";
import { readInputFile } from "./files.js";
import { type CliIo, exitCodes } from "./io.js";

export async function readPlan(
  file: string,
  format: PlanFormat | undefined,
  io: CliIo,
): Promise<Plan | number> {
  const text = await readInputFile(file, io);
  if (typeof text === "number") return text;
  const result = parsePlan(text, { file, ...(format ? { format } : {}) });
  const diagnostics = sortDiagnostics(result.diagnostics);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  if (!result.plan) {
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    io.stderr(`${file}: ${errors} error${errors === 1 ? "" : "s"}; nothing was planned\n`);
    return exitCodes.invalid;
  }
  return result.plan;
}
