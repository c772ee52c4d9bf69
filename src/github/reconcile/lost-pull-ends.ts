// Pull requests whose end the app never heard of (a lost webhook): a task waiting in review whose pull request
// was merged is done, one whose pull request was closed unmerged has failed its attempt. The events carry the
// same ids as the webhooks' would, so a late delivery changes nothing more.

import type { EngineEvent } from "../../engine/track/events.js";
import type { TrackState } from "../../engine/track/state.js";
import type { RepoServices } from "../drive/repo-services.js";
import type { AppDocument } from "../state/app-document.js";
import { unitLinksOf } from "../state/app-document.js";

export async function lostPullEnds(
  services: RepoServices,
  document: AppDocument,
  state: TrackState,
): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  for (const [unit, run] of Object.entries(state.runs)) {
    if (run.status !== "review" && run.status !== "needs-input") continue;
    const pr = run.pr ?? unitLinksOf(document, state.id, unit).pr;
    if (pr === null) continue;
    const pull = await services.repo.getPull(pr);
    if (pull?.state !== "closed") continue;
    events.push(
      pull.merged
        ? { id: `merged:${pr}`, type: "pr-merged", track: state.id, unit, pr }
        : { id: `closed:${pr}:${pull.headSha}`, type: "pr-closed", track: state.id, unit, pr },
    );
  }
  return events;
}

/** What a repair event says on the track issue. */
export function repairText(event: EngineEvent): string | null {
  if (event.type === "pr-merged")
    return `${event.unit}: its pull request #${event.pr} was merged while the app was not told`;
  if (event.type === "pr-closed")
    return `${event.unit}: its pull request #${event.pr} was closed unmerged while the app was not told`;
  if (event.type === "attempt-failed") return `${event.unit}: ${event.message}`;
  return null;
}
