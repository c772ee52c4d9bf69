// Touches an agent names (its actual touches, a candidate's touches) checked like a plan's: repository-relative
// paths only. On top of the plan's rules, a path with invisible direction marks is refused: it would show as a
// different file from the one it names.

import { normalizeTouches } from "../plan/normalize-touches.js";
import { quote } from "./report-text.js";

export interface CheckedTouches {
  /** Clean, repository-relative, each once (`./src//a.ts` → `src/a.ts`). */
  paths: string[];
  /** Why each refused item is not a repository path (absolute, `..`, `.git/` …). */
  invalid: string[];
  /** Items that are not paths at all (`CI configs`, `[conflict resolution]`). */
  prose: string[];
}

const directionMarks = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function checkTouches(items: readonly string[]): CheckedTouches {
  const checked: CheckedTouches = { paths: [], invalid: [], prose: [] };
  // A set beside the list: a hostile code block can name tens of thousands of paths.
  const seen = new Set<string>();
  for (const item of items) {
    if (directionMarks.test(item)) {
      checked.invalid.push(`touch ${quote(item)} contains invisible direction marks`);
      continue;
    }
    const result = normalizeTouches([item]);
    for (const error of result.errors) {
      // The plan's messages quote the whole path; a hostile one may be a kilobyte long.
      checked.invalid.push(error.length <= 200 ? error : `touch ${quote(item)} is not a repository path`);
    }
    for (const prose of result.prose) checked.prose.push(prose);
    for (const path of result.paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      checked.paths.push(path);
    }
  }
  return checked;
}
