// Finding a track's task issues again by their hidden markers: the `ensure` half of "one task issue per unit".
// The app lists the issues carrying the track's labels and reads the marker in each body; an issue whose marker
// names another track, or whose body holds two different markers, is not taken for a task issue.

import { parseTaskMarker } from "../../render/task-issue-marker.js";
import { taskMarkerLabel, trackLabel } from "../labels/index.js";
import type { IssueRef, RepoPort } from "../repo/repo-port.js";

/** A track holds at most 100 units; spawned ones and a margin for people's copies of task issues. */
export const maxTaskIssuesListed = 500;

export async function taskIssueIndex(
  repo: RepoPort,
  prefix: string,
  track: string,
): Promise<Map<string, IssueRef & { labels: string[] }>> {
  const issues = await repo.listIssues(
    [taskMarkerLabel(prefix), trackLabel(prefix, track)],
    "all",
    maxTaskIssuesListed,
  );
  const index = new Map<string, IssueRef & { labels: string[] }>();
  for (const issue of issues) {
    if (issue.author !== null && issue.author.type !== "Bot") continue;
    const marker = parseTaskMarker(issue.body);
    if (!marker || marker.track !== track || index.has(marker.unit)) continue;
    index.set(marker.unit, { number: issue.number, id: issue.id, labels: [...issue.labels] });
  }
  return index;
}

export function labelsOf(ref: { labels: string[] }): string[] {
  return [...ref.labels];
}
