// The status of units that are not out yet follows from their dependencies: blocked while a prerequisite is not
// merged, waiting for a person when the plan says so, ready otherwise. A unit held back by a failed or cancelled
// prerequisite (directly or further up) names that unit in `blockedBy`, with the reason, so the dashboard shows
// what a person must do instead of a long chain of "waits for".

import type { TrackState, UnitRun } from "./state.js";
import { ownRun } from "./working-copy.js";

interface Root {
  ids: string[];
  why: string;
}

export function refreshWaiting(track: TrackState): void {
  const memo = new Map<string, Root | null>();
  for (const id of Object.keys(track.units)) {
    const run = track.runs[id];
    const spec = track.units[id];
    if (!run || !spec || !waitsOnDeps(run)) continue;
    const pending = spec.deps.filter((dep) => {
      const status = track.runs[dep]?.status;
      return status !== undefined && status !== "done";
    });
    if (pending.length > 0) {
      const roots = stuckRoots(track, pending, memo, new Set([id]));
      set(
        track,
        id,
        "blocked",
        roots ? roots.ids : pending,
        roots ? roots.why : `waits for ${pending.join(", ")} to be merged`,
      );
    } else if (spec.needsPerson && !run.released) {
      set(track, id, "needs-input", [], `waits for a person: /answer ${id} … or /dispatch ${id}`);
      if (!run.questions.some((question) => question.from === "plan")) {
        ownRun(track, id)?.questions.push({
          id: `${id}-plan`,
          text: `${id} is marked for a person (foreground work or needs user input). Answer with /answer ${id} <text>, or start it with /dispatch ${id}.`,
          from: "plan",
        });
      }
    } else {
      set(track, id, "ready", [], run.retryAt !== null ? run.reason : null);
    }
  }
}

/** Units whose status is derived here: not dispatched in their current round. */
function waitsOnDeps(run: UnitRun): boolean {
  if (run.status === "blocked" || run.status === "ready") return true;
  // A foreground unit waiting for its first go; an agent's question after an attempt is answered, not derived.
  return run.status === "needs-input" && run.attempt === 0 && !run.released;
}

/** Sets a unit's derived status; a run that already says so is left alone (and not copied). */
function set(
  track: TrackState,
  id: string,
  status: UnitRun["status"],
  blockedBy: string[],
  reason: string | null,
): void {
  const run = track.runs[id];
  if (!run) return;
  const sameBlockers =
    run.blockedBy.length === blockedBy.length && run.blockedBy.every((other, k) => other === blockedBy[k]);
  if (run.status === status && run.reason === reason && sameBlockers) return;
  const own = ownRun(track, id) as UnitRun;
  own.status = status;
  own.reason = reason;
  if (!sameBlockers) own.blockedBy = blockedBy;
}

/** The failed or cancelled units that hold these prerequisites back, or null when they only wait their turn. */
function stuckRoots(
  track: TrackState,
  deps: readonly string[],
  memo: Map<string, Root | null>,
  visiting: Set<string>,
): Root | null {
  const ids: string[] = [];
  const whys: string[] = [];
  for (const dep of deps) {
    const root = stuckRoot(track, dep, memo, visiting);
    if (!root) continue;
    for (const id of root.ids) if (!ids.includes(id)) ids.push(id);
    if (!whys.includes(root.why)) whys.push(root.why);
  }
  return ids.length > 0 ? { ids, why: whys.join("; ") } : null;
}

function stuckRoot(
  track: TrackState,
  id: string,
  memo: Map<string, Root | null>,
  visiting: Set<string>,
): Root | null {
  if (memo.has(id)) return memo.get(id) ?? null;
  const run = track.runs[id];
  let root: Root | null = null;
  if (run?.status === "failed" || run?.status === "cancelled") {
    const what = run.status === "failed" ? "failed" : "was cancelled";
    root = {
      ids: [id],
      why: `held back: ${id} ${what}${run.reason ? ` (${run.reason})` : ""}; /retry ${id} or /cancel the tasks that need it`,
    };
  } else if (run && run.status !== "done" && !visiting.has(id)) {
    visiting.add(id);
    const deps = (track.units[id]?.deps ?? []).filter((dep) => track.runs[dep]?.status !== "done");
    root = stuckRoots(track, deps, memo, visiting);
    visiting.delete(id);
  }
  memo.set(id, root);
  return root;
}
