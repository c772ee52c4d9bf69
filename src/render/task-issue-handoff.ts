// When a task is merged, the issues of the tasks that wait for it get its handoff note: their Prerequisites
// section is rendered again with the notes known so far and put in place of the old one (it runs from its
// heading to the next section heading). Everything else in the body (answers, the rules, the markers) stays.

import type { UnitSpec } from "../engine/track/state.js";
import { renderPrerequisites, type TaskIssuePrerequisite } from "./task-issue-prerequisites.js";

const heading = "### Prerequisites";
/** GitHub's limit for an issue body. */
const maxBodyChars = 65_536;

export function withPrerequisites(
  body: string,
  unit: UnitSpec,
  prerequisites: readonly TaskIssuePrerequisite[],
): string {
  const lines = body.split(/\r?\n/);
  const start = lines.indexOf(heading);
  if (start < 0) return body;
  let end = start + 1;
  while (
    end < lines.length &&
    !/^#{1,3} /.test(lines[end] ?? "") &&
    !(lines[end] ?? "").startsWith("<!-- swarm-dispatch:")
  )
    end++;
  // Keep the blank line before the next section.
  const section = renderPrerequisites(unit, prerequisites);
  const next = [...lines.slice(0, start), ...section, "", ...lines.slice(end)]
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return next.length <= maxBodyChars ? next : body;
}
