// Which task a branch is the work of: `swarm/<track>/<task part>` of a track the state knows, and a unit whose
// branch name (branch-name.ts: safe characters and a hash for odd ids) is exactly this one. A branch named like
// a task branch for a task that does not exist is nobody's.

import { branchOf } from "../../engine/track/branch-name.js";
import type { EngineState } from "../../engine/track/state.js";

export function taskOfBranch(engine: EngineState, branch: string): { track: string; unit: string } | null {
  const match = /^swarm\/([1-9][0-9]{0,15})\/./.exec(branch);
  if (!match) return null;
  const track = match[1] ?? "";
  const state = Object.hasOwn(engine.tracks, track) ? engine.tracks[track] : undefined;
  if (!state) return null;
  for (const unit of Object.keys(state.units)) if (branchOf(track, unit) === branch) return { track, unit };
  return null;
}
