// The short form of a pull request that check runs, check suites and workflow runs list: number, head and base
// with bare repository references. GitHub lists only pull requests of the same repository here.

import type { RepoWorld, WorldPull } from "../repo-world.js";
import { branchSha, repoApi } from "./webhook-common.js";
import { repoRef } from "./webhook-repository.js";

export function pullRef(world: RepoWorld, pull: WorldPull) {
  return {
    url: `${repoApi(world)}/pulls/${pull.number}`,
    id: pull.id,
    number: pull.number,
    head: { ref: pull.branch, sha: pull.headSha, repo: repoRef(world) },
    base: { ref: pull.base, sha: branchSha(world, pull.base), repo: repoRef(world) },
  };
}
