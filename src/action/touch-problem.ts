// Whether a text is a path a task may write: the plan's own rules for touches (repository-relative, no `..`,
// not inside .git), so the Action and the planner agree on what a path is. Prose and notes are not paths here.

import { normalizeTouches } from "../plan/normalize-touches.js";

export function touchProblem(path: string): string | null {
  const result = normalizeTouches([path]);
  if (result.errors[0]) return result.errors[0];
  if (result.paths.length === 0) return `${JSON.stringify(path.slice(0, 100))} is not a path`;
  return null;
}
