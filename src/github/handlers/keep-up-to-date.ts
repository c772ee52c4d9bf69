// A task's pull request is kept mergeable by the app: one that fell behind its base is brought up to date
// through the API (update-branch) when that merges cleanly, and with auto-merge on, one whose checks all pass
// is merged (squash). Conflicts are a person's to resolve; the swarm/branch check says so.

import type { RepoServices } from "../drive/repo-services.js";
import type { PullDetail } from "../repo/repo-port.js";

/** Returns whether it merged the pull request. */
export async function keepUpToDate(
  services: RepoServices,
  pull: PullDetail,
  allPassed: boolean,
): Promise<boolean> {
  const { repo, settings, log } = services;
  if (pull.state !== "open" || pull.merged) return false;
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
