// The report's Touches Planned and Touches Actual, checked: only repository-relative paths are kept, and each
// item refused is named. The Action measures what changed from git; these are the agent's own account, shown
// next to it so a person sees where the two differ.

import { checkTouches } from "./check-touches.js";
import { readTouchItems } from "./read-touches.js";
import { maxReportTouches } from "./report-limits.js";
import type { SectionIndex } from "./report-sections.js";
import { quote } from "./report-text.js";

export function readReportTouches(sections: SectionIndex): {
  planned: string[];
  actual: string[];
  problems: string[];
} {
  const problems: string[] = [];
  const items = readTouchItems(sections);
  const check = (list: string[] | null, name: string): string[] => {
    if (list === null) return [];
    const checked = checkTouches(list);
    for (const reason of checked.invalid) problems.push(`${name}: ${reason}; it was left out`);
    for (const prose of checked.prose)
      problems.push(`${name}: ${quote(prose)} is not a path; it was left out`);
    if (checked.paths.length <= maxReportTouches) return checked.paths;
    problems.push(
      `${name}: ${checked.paths.length} paths, at most ${maxReportTouches} are read; the last ${checked.paths.length - maxReportTouches} were left out`,
    );
    return checked.paths.slice(0, maxReportTouches);
  };
  const planned = check(items.planned, "Touches Planned");
  const actual = check(items.actual, "Touches Actual");
  return { planned, actual, problems };
}
