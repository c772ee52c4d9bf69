// `alwaysAllowed`: paths or globs any task may change without declaring them (lockfiles, a changelog). They widen
// every task's scope, so each is checked like a plan touch, and one that would cover the whole repository is
// refused; a bad item is dropped and the others apply.

import { normalizeTouches } from "../../plan/normalize-touches.js";
import { allowedPathProblem } from "./check-names.js";
import { describeValue, indexPath, type SettingsProblems } from "./settings-problem.js";
import { settingsLimits as limits } from "./settings-schema.js";

const example = "e.g. `alwaysAllowed: [package-lock.json, CHANGELOG.md]`";

export function readAlwaysAllowed(value: unknown, problems: SettingsProblems): string[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(
      "alwaysAllowed",
      `expected a list of paths, got ${describeValue(value)}; allowing none`,
      example,
    );
    return [];
  }
  if (value.length > limits.alwaysAllowed) {
    problems.add(
      "alwaysAllowed",
      `at most ${limits.alwaysAllowed} paths; the last ${value.length - limits.alwaysAllowed} are ignored`,
      "use folders or globs to cover more files",
    );
  }
  const paths: string[] = [];
  value.slice(0, limits.alwaysAllowed).forEach((item, index) => {
    const path = indexPath("alwaysAllowed", index);
    if (typeof item !== "string") {
      problems.add(path, `expected a path, got ${describeValue(item)}; ignored`, example);
      return;
    }
    const problem = allowedPathProblem(item);
    if (problem) {
      problems.add(path, `${problem}; ignored`, "write a repo-relative file, folder/ or glob");
      return;
    }
    for (const clean of normalizeTouches([item]).paths) if (!paths.includes(clean)) paths.push(clean);
  });
  return paths;
}
