// A task's pull request is kept mergeable by the app: one that fell behind its base is brought up to date
// through the API (update-branch) when that merges cleanly, and with auto-merge on, one whose checks all pass
// is merged (squash). Neither happens while an attempt of the task is out. Conflicts are a person's to resolve; the swarm/branch check says so.

import type { RepoServices } from "../drive/repo-services.js";
import type { PullDetail } from "../repo/repo-port.js";

/** Returns whether it merged the pull request. */
export async function keepUpToDate(
  services: RepoServices,
  pull: PullDetail,
  allPassed: boolean,
  attemptOut = false,
): Promise<boolean> {
  const { repo, settings, log } = services;
  if (pull.state !== "open" || pull.merged) return false;
  // An attempt still out pushes to this branch when its agent is done: moving the branch under it would reject
  // that push, and merging now would cut the attempt short. Its next push brings the pull request back here.
  if (attemptOut) {
    log.info(`pull request #${pull.number} waits: an attempt of its task is still running`);
    return false;
  }
  if (pull.mergeableState === "behind") {
    const result = await repo.updatePullBranch(pull.number, pull.headSha);
    log.info(
      `pull request #${pull.number} is behind its base: ${result === "updated" ? "brought up to date" : "it conflicts"}`,
    );
    return false;
  }
  if (!settings.autoMerge || !allPassed || pull.mergeableState !== "clean") return false;
  const merged = await repo.mergePull(pull.number, pull.headSha);
  if (merged.merged) log.info(`pull request #${pull.number} merged (auto-merge)`);
  else log.warn(`pull request #${pull.number} was not merged: ${merged.reason}`);
  return merged.merged;
}
