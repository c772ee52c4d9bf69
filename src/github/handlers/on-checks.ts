// CI finishing on a pull request (a check suite or check run completing, a workflow run ending) re-evaluates
// the app's checks on that pull request: a CI gate goes from pending to passed or failed, and auto-merge may
// follow. A person asking to re-run one of the app's checks evaluates it again. A merge queue's group gets the
// app's checks as passed: each pull request in it passed them before it was queued.

import { parseReportBlock } from "../../report/report-block.js";
import { isOwnCheck } from "../checks/gate-check.js";
import { isDamaged } from "../state/state-store.js";
import { taskOfBranch } from "../tracks/task-of-branch.js";
import { checkPull } from "./on-pull-request.js";
import type { RepoEnv } from "./repo-env.js";

/** The numbers of the pull requests a CI event concerns (GitHub lists same-repository ones). */
export function pullNumbersOf(payload: Record<string, unknown>): number[] {
  const holder = (payload.check_suite ?? payload.check_run ?? payload.workflow_run) as
    | { pull_requests?: { number?: unknown }[] }
    | undefined;
  const numbers = (holder?.pull_requests ?? []).map((pull) => pull.number);
  return [
    ...new Set(numbers.filter((n): n is number => typeof n === "number" && Number.isSafeInteger(n) && n > 0)),
  ].slice(0, 20);
}

/** A check run of the app's own finishing is no CI news (the app just posted it). */
export function isCiNews(payload: Record<string, unknown>): boolean {
  const run = payload.check_run as { name?: unknown } | undefined;
  return !(
    run &&
    typeof run.name === "string" &&
    isOwnCheck({ name: run.name }) &&
    payload.action !== "rerequested"
  );
}

export async function onCiEvent(payload: Record<string, unknown>, env: RepoEnv): Promise<void> {
  const { services } = env;
  const stored = await services.store.load();
  const document = stored && !isDamaged(stored) ? stored.document : null;
  for (const number of pullNumbersOf(payload)) {
    const pull = await services.repo.getPull(number);
    if (pull?.state !== "open") continue;
    const task = document && pull.sameRepository ? taskOfBranch(document.engine, pull.headRef) : null;
    const block = task && pull.author?.type === "Bot" ? parseReportBlock(pull.body) : null;
    const own = block && task && block.track === task.track && block.task === task.unit ? block : null;
    await checkPull(env, pull, task, own, document);
  }
}

export async function onMergeGroup(
  payload: { merge_group?: { head_sha?: unknown } },
  env: RepoEnv,
): Promise<void> {
  const sha = payload.merge_group?.head_sha;
  if (typeof sha !== "string" || !/^[0-9a-f]{40}$/.test(sha)) return;
  const gates = Object.keys(env.services.settings.gates).map((gate) => `swarm/${gate}`);
  for (const name of ["swarm/locks", "swarm/report", "swarm/branch", ...gates]) {
    await env.services.repo.createCheckRun({
      name,
      headSha: sha,
      externalId: `merge-group/${name}`,
      status: "completed",
      conclusion: "success",
      title: "Checked on each pull request",
      summary: "Every pull request in this merge group passed this check before it was queued.",
    });
  }
}
