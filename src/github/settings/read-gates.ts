// `gates`: gate name → how the gate is measured. Each gate is read on its own, so one broken gate keeps its
// default (Gate-O: every check run) while the others apply. Gate names match without case, as the engine
// compares them, so `gate-o` in the file replaces the default `Gate-O`.

import { suggest } from "../../plan/suggest.js";
import { boundedEntries, isMapping } from "./mapping.js";
import { describeValue, indexPath, pathOf, type SettingsProblems } from "./settings-problem.js";
import {
  checkNameSchema,
  defaultSettings,
  type GateEvaluation,
  settingsLimits as limits,
  nameSchema,
} from "./settings-schema.js";

const specKeys = ["checks", "allChecks", "metric"];
const example = "e.g. `Gate-O: { checks: [test, lint] }`, `{ allChecks: true }` or `{ metric: coverage }`";

export function readGates(value: unknown, problems: SettingsProblems): Record<string, GateEvaluation> {
  const gates = defaultSettings().gates;
  if (value === null || value === undefined) return gates;
  if (!isMapping(value)) {
    problems.add(
      "gates",
      `expected a mapping of gate names, got ${describeValue(value)}; using the defaults`,
      example,
    );
    return gates;
  }
  const { entries, extra } = boundedEntries(value, limits.gates);
  if (extra > 0) {
    problems.add("gates", `at most ${limits.gates} gates; the last ${extra} are ignored`, "list fewer gates");
  }
  const seen = new Set<string>();
  for (const [name, spec] of entries) {
    const path = pathOf("gates", name);
    if (!nameSchema.safeParse(name).success) {
      problems.add(path, "is not a usable gate name; ignored", "name the gate as the plan does, e.g. Gate-O");
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      problems.add(path, "repeats a gate already listed (names match without case); ignored", "list it once");
      continue;
    }
    seen.add(name.toLowerCase());
    const defaultName = Object.keys(gates).find((known) => known.toLowerCase() === name.toLowerCase());
    const evaluation = readGateSpec(spec, path, problems, defaultName !== undefined);
    if (!evaluation) continue;
    // `gate-o: …` replaces the default `Gate-O` under the spelling the file uses.
    if (defaultName !== undefined) delete gates[defaultName];
    gates[name] = evaluation;
  }
  return gates;
}

/** The gate's evaluation, or null (with problems) when the spec is unusable. */
function readGateSpec(
  spec: unknown,
  path: string,
  problems: SettingsProblems,
  hasDefault: boolean,
): GateEvaluation | null {
  const instead = hasDefault ? "using its default" : "it is measured by the report metric of its name";
  if (!isMapping(spec)) {
    problems.add(
      path,
      `expected one of checks, allChecks or metric, got ${describeValue(spec)}; ${instead}`,
      example,
    );
    return null;
  }
  const keys = Object.keys(spec);
  for (const key of keys.slice(0, specKeys.length + 5)) {
    if (specKeys.includes(key)) continue;
    const near = key.length <= 64 ? suggest(key, specKeys) : null;
    problems.add(
      pathOf(path, key),
      `is not a gate setting${near ? ` (did you mean ${near}?)` : ""}`,
      example,
    );
  }
  const given = specKeys.filter((key) => Object.hasOwn(spec, key));
  if (given.length !== 1) {
    const what = given.length === 0 ? "names none" : `names ${given.join(" and ")}`;
    problems.add(
      path,
      `must name exactly one of checks, allChecks or metric, but ${what}; ${instead}`,
      example,
    );
    return null;
  }
  if (given[0] === "allChecks") {
    if (spec.allChecks === true) return { kind: "all-checks" };
    problems.add(
      pathOf(path, "allChecks"),
      `can only be true; ${instead}`,
      "name the checks or a metric instead",
    );
    return null;
  }
  if (given[0] === "metric") {
    if (nameSchema.safeParse(spec.metric).success) return { kind: "metric", metric: spec.metric as string };
    problems.add(
      pathOf(path, "metric"),
      `expected a metric name, got ${describeValue(spec.metric)}; ${instead}`,
      example,
    );
    return null;
  }
  const checks = readChecks(spec.checks, pathOf(path, "checks"), problems);
  if (checks.length > 0) return { kind: "checks", checks };
  problems.add(pathOf(path, "checks"), `names no usable check run; ${instead}`, example);
  return null;
}

function readChecks(value: unknown, path: string, problems: SettingsProblems): string[] {
  if (!Array.isArray(value)) {
    problems.add(
      path,
      `expected a list of check run names, got ${describeValue(value)}`,
      "e.g. `checks: [test]`",
    );
    return [];
  }
  if (value.length > limits.checksPerGate) {
    problems.add(path, `at most ${limits.checksPerGate} checks; the rest are ignored`, "name fewer checks");
  }
  const checks: string[] = [];
  value.slice(0, limits.checksPerGate).forEach((item, index) => {
    if (!checkNameSchema.safeParse(item).success) {
      const got = describeValue(item);
      problems.add(
        indexPath(path, index),
        `expected a check run name, got ${got}; ignored`,
        "write the check's name",
      );
    } else if (!checks.includes(item as string)) checks.push(item as string);
  });
  return checks;
}
