// Scenario text → a validated Scenario, with every problem as a file:line diagnostic (the plan parsers'
// convention). Never throws on bad input.

import { type Diagnostic, Diagnostics } from "../plan/diagnostics.js";
import type { Plan } from "../plan/model.js";
import { checkScenario } from "./check-scenario.js";
import { readYamlValue } from "./read-yaml-value.js";
import { lineOfPath } from "./scenario-paths.js";
import { emptyScenario, type Scenario, scenarioSchema } from "./scenario-schema.js";

export interface ScenarioResult {
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

/** At most this many schema errors are listed: a wrong file could otherwise produce thousands. */
const maxIssues = 50;

export function parseScenario(text: string, options: { file: string; plan: Plan }): ScenarioResult {
  const diag = new Diagnostics(options.file);
  const read = readYamlValue(text, diag);
  if (!read) return { scenario: null, diagnostics: diag.items };
  if (read.value === null || read.value === undefined)
    return { scenario: emptyScenario, diagnostics: diag.items };
  const parsed = scenarioSchema.safeParse(read.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, maxIssues)) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          diag.error(
            lineOfPath(read.lines, [...issue.path, key]),
            `${where(issue.path)}unknown key "${key}"`,
          );
      } else diag.error(lineOfPath(read.lines, issue.path), `${where(issue.path)}${issue.message}`);
    }
    if (parsed.error.issues.length > maxIssues)
      diag.error(0, `… and ${parsed.error.issues.length - maxIssues} more problems`);
    return { scenario: null, diagnostics: diag.items };
  }
  checkScenario(parsed.data, options.plan, read.lines, diag);
  return { scenario: diag.hasErrors ? null : parsed.data, diagnostics: diag.items };
}

/** `tasks.T03[1].ends: ` for a path; nothing for the whole file. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "";
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += `${text === "" ? "" : "."}${String(segment)}`;
  }
  return `${text}: `;
}
