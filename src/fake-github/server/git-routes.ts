// The requests the fake answers from its git repository rather than from memory: making a branch, opening and
// editing a pull request (its files are git's three-dot diff), merging one (a real merge commit on the base) and
// bringing one up to date (the base merged into the head). They answer as GitHub does, status codes included.

import type { BareRepo } from "../git/bare-repo.js";
import type { RepoWorld, WorldPull, WorldUser } from "../repo-world.js";
import { pullJson } from "../repo-world-pull-json.js";
import type { Answer, Body } from "../repo-world-route.js";

export interface GitRouteEffects {
  pullOpened(pull: WorldPull, sender: WorldUser): void;
  pullEdited(pull: WorldPull, sender: WorldUser): void;
  pullMerged(pull: WorldPull, sender: WorldUser): void;
  /** A branch moved (a push, a merge, an update): pull requests on it or against it change. */
  refMoved(branch: string, sender: WorldUser): Promise<void>;
}

export async function gitRoute(
  world: RepoWorld,
  git: BareRepo,
  effects: GitRouteEffects,
  method: string,
  rest: string,
  body: Body,
  sender: WorldUser,
): Promise<Answer | null> {
  if (method === "POST" && rest === "/git/refs") {
    const name = String(body.ref ?? "").replace(/^refs\/heads\//, "");
    if (world.refs.has(name)) return [422, { message: "Reference already exists" }];
    try {
      await git.setRef(name, String(body.sha ?? ""));
    } catch {
      return [422, { message: "Object does not exist" }];
    }
    world.refs.set(name, String(body.sha));
    return [201, { ref: `refs/heads/${name}`, object: { sha: body.sha, type: "commit" } }];
  }
  if (method === "POST" && rest === "/pulls") return openPull(world, git, effects, body, sender);
  const edit = /^\/pulls\/(\d+)$/.exec(rest);
  if (method === "PATCH" && edit) {
    const pull = world.pulls.get(Number(edit[1]));
    if (!pull) return [404, { message: "Not Found" }];
    const changed =
      (typeof body.body === "string" && body.body !== pull.body) ||
      (typeof body.title === "string" && body.title !== pull.title);
    if (typeof body.body === "string") pull.body = body.body;
    if (typeof body.title === "string") pull.title = body.title;
    if (body.state === "closed" || body.state === "open") pull.state = body.state;
    if (changed) effects.pullEdited(pull, sender);
    return [200, pullJson(world, pull)];
  }
  const merge = /^\/pulls\/(\d+)\/merge$/.exec(rest);
  if (method === "PUT" && merge) return mergePull(world, git, effects, Number(merge[1]), body, sender);
  const update = /^\/pulls\/(\d+)\/update-branch$/.exec(rest);
  if (method === "PUT" && update) return updateBranch(world, git, effects, Number(update[1]), body, sender);
  return null;
}

async function openPull(
  world: RepoWorld,
  git: BareRepo,
  effects: GitRouteEffects,
  body: Body,
  sender: WorldUser,
): Promise<Answer> {
  const head = String(body.head ?? "").replace(/^[^:]+:/, "");
  const base = String(body.base ?? "main");
  const headSha = await git.ref(head);
  const baseSha = await git.ref(base);
  if (headSha === null || baseSha === null)
    return [
      422,
      { message: "Validation Failed", errors: [{ resource: "PullRequest", field: "head", code: "invalid" }] },
    ];
  const open = [...world.pulls.values()].find((pull) => pull.branch === head && pull.state === "open");
  if (open)
    return [422, { message: `Validation Failed: A pull request already exists for ${world.owner}:${head}.` }];
  if (headSha === baseSha || (await git.isAncestor(headSha, baseSha)))
    return [422, { message: `Validation Failed: No commits between ${base} and ${head}` }];
  const pull = world.openPull({
    branch: head,
    base,
    title: String(body.title ?? head),
    body: typeof body.body === "string" ? body.body : "",
    headSha,
    author: sender,
  });
  await refreshPull(git, pull);
  effects.pullOpened(pull, sender);
  return [201, pullJson(world, pull)];
}

async function mergePull(
  world: RepoWorld,
  git: BareRepo,
  effects: GitRouteEffects,
  number: number,
  body: Body,
  sender: WorldUser,
): Promise<Answer> {
  const pull = world.pulls.get(number);
  if (!pull) return [404, { message: "Not Found" }];
  if (pull.state !== "open") return [405, { message: "Pull Request is not mergeable" }];
  if (body.sha !== undefined && body.sha !== pull.headSha)
    return [409, { message: "Head branch was modified. Review and try the merge again." }];
  if (pull.mergeableState === "dirty") return [405, { message: "Pull Request is not mergeable" }];
  const merged = await git.merge(
    pull.base,
    pull.headSha,
    `Merge pull request #${pull.number} from ${pull.branch}`,
  );
  if (!merged.ok) return [405, { message: "Pull Request is not mergeable" }];
  pull.state = "closed";
  pull.merged = true;
  world.merges.push(pull.number);
  world.refs.set(pull.base, merged.sha);
  effects.pullMerged(pull, sender);
  await effects.refMoved(pull.base, sender);
  return [200, { sha: merged.sha, merged: true, message: "Pull Request successfully merged" }];
}

async function updateBranch(
  world: RepoWorld,
  git: BareRepo,
  effects: GitRouteEffects,
  number: number,
  body: Body,
  sender: WorldUser,
): Promise<Answer> {
  const pull = world.pulls.get(number);
  if (!pull) return [404, { message: "Not Found" }];
  if (body.expected_head_sha !== undefined && body.expected_head_sha !== pull.headSha)
    return [422, { message: "expected head sha didn't match current head ref." }];
  const merged = await git.merge(pull.branch, pull.base, `Merge branch '${pull.base}' into ${pull.branch}`);
  if (!merged.ok) return [422, { message: "merge conflict between base and head" }];
  world.refs.set(pull.branch, merged.sha);
  await effects.refMoved(pull.branch, sender);
  return [202, { message: "Updating pull request branch.", url: "" }];
}

/** Reads a pull request's head, files and mergeability from git again. */
export async function refreshPull(git: BareRepo, pull: WorldPull): Promise<void> {
  const head = (await git.ref(pull.branch)) ?? pull.headSha;
  const base = await git.ref(pull.base);
  pull.headSha = head;
  if (base === null) return;
  pull.files = (await git.changedFiles(base, head)).map((file) => ({
    path: file.path,
    status: file.status,
    ...(file.previousPath ? { previousPath: file.previousPath } : {}),
  }));
  const tree = await git.mergeTree(base, head);
  pull.mergeableState = !tree.ok ? "dirty" : (await git.isAncestor(base, head)) ? "clean" : "behind";
}
