// A unit is done: each unit that waits for it gets the handoff notes of its merged prerequisites in its task
// issue, the brief its agent will read. A note is the agent's text: the prerequisites section quotes it inert.

import type { TrackState } from "../../engine/track/state.js";
import { withPrerequisites } from "../../render/task-issue-handoff.js";
import type { ApplySession } from "./apply-session.js";

export async function handOff(session: ApplySession, track: TrackState, done: string): Promise<void> {
  for (const [id, spec] of Object.entries(track.units)) {
    if (!spec.deps.includes(done)) continue;
    const issue = session.links(track.id, id).issue;
    if (issue === null) continue;
    const found = await session.repo.getIssue(issue);
    if (!found) continue;
    const prerequisites = spec.deps.map((dep) => {
      const links = session.links(track.id, dep);
      return {
        unit: dep,
        issue: links.issue,
        handoff: track.runs[dep]?.status === "done" ? (links.handoff ?? "") : "",
      };
    });
    const body = withPrerequisites(found.body, spec, prerequisites);
    if (body !== found.body) await session.repo.updateIssue(issue, { body });
  }
}
