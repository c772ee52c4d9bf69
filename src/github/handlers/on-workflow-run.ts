// The agent workflow's runs: a run that starts marks its attempt running; one that ends failed, timed out or
// cancelled fails its attempt, which the engine retries or gives up on (whatever the Action's pull request saved
// stays on the task branch for the retry). A run that succeeds changes nothing here: the attempt's report
// arrives with its pull request. Only runs of the configured workflow on task branches, named as the app
// dispatches them, are read; every other run is ignored before any request.

import { branchOf } from "../../engine/track/dispatch-pass.js";
import type { EngineEvent } from "../../engine/track/events.js";
import { runEvents } from "../drive/run-events.js";
import type { LinkPatch } from "../state/link-patch.js";
import { parseRunName } from "../workflows/run-name.js";
import type { RepoEnv } from "./repo-env.js";

export interface WorkflowRunPayload {
  action: string;
  workflow_run: {
    id: number;
    name?: string | null;
    display_title?: string | null;
    path?: string | null;
    head_branch?: string | null;
    event?: string | null;
    status?: string | null;
    conclusion?: string | null;
    html_url?: string | null;
  };
}

/** Cheap test before anything is read: a dispatched run on a task branch, named by the app. */
export function isAgentRun(payload: WorkflowRunPayload): boolean {
  const run = payload.workflow_run;
  if (run.event !== "workflow_dispatch" || typeof run.head_branch !== "string") return false;
  const identity = parseRunName(run.display_title ?? run.name);
  // The name must match the branch: a run named like the app's on another branch is someone else's.
  return identity !== null && run.head_branch === branchOf(identity.track, identity.task);
}

const failed: Record<string, "failed" | "timed-out" | "cancelled"> = {
  failure: "failed",
  startup_failure: "failed",
  action_required: "failed",
  stale: "failed",
  timed_out: "timed-out",
  cancelled: "cancelled",
};

export function runEvent(payload: WorkflowRunPayload, workflow: string): EngineEvent | null {
  if (!isAgentRun(payload)) return null;
  const run = payload.workflow_run;
  if (
    run.path !== undefined &&
    run.path !== null &&
    run.path.split("@")[0] !== `.github/workflows/${workflow}`
  )
    return null;
  const identity = parseRunName(run.display_title ?? run.name);
  if (!identity || run.head_branch !== branchOf(identity.track, identity.task)) return null;
  const base = { track: identity.track, unit: identity.task, attempt: identity.attempt };
  if (payload.action === "in_progress")
    return { id: `run:${run.id}:started`, type: "attempt-started", ...base };
  if (payload.action !== "completed") return null;
  const outcome = failed[run.conclusion ?? ""];
  if (outcome === undefined) return null;
  return {
    id: `run:${run.id}:completed`,
    type: "attempt-failed",
    ...base,
    outcome,
    message: `its run ended ${run.conclusion?.replaceAll("_", " ")}`,
    tasksDone: [],
  };
}

export async function onWorkflowRun(payload: WorkflowRunPayload, env: RepoEnv): Promise<void> {
  const event = runEvent(payload, env.services.settings.workflow);
  if (event === null || event.type === "tick" || event.type === "plan" || event.type === "command") return;
  const run = payload.workflow_run;
  const attempt = "attempt" in event ? event.attempt : 0;
  // A dispatch on a host without run details left no run id: the run's own webhook brings it.
  const learnt: LinkPatch[] =
    "unit" in event && event.unit !== null
      ? [
          {
            kind: "unit",
            track: event.track,
            unit: event.unit,
            links: { run: { id: run.id, url: run.html_url ?? null, attempt } },
          },
        ]
      : [];
  await runEvents(env.services, [event], learnt);
}
