// Pull requests: a task's pull request brings its attempt's report (read from the block the Action wrote, and
// only that), is merged (the task is done, its locks released, its dependents go at once) or closed unmerged
// (the attempt failed). Every pull request, a task's or anyone's, gets its checks brought up to date on its
// head commit, and with auto-merge on a task's pull request whose checks all pass is merged.

import type { EngineEvent } from "../../engine/track/events.js";
import { isInFlight } from "../../engine/track/unit-run.js";
import { parseReportBlock } from "../../report/report-block.js";
import type { ReportBlock } from "../../report/report-model.js";
import { ensurePullChecks } from "../checks/pull-checks.js";
import type { RepoServices } from "../drive/repo-services.js";
import { runEvents } from "../drive/run-events.js";
import type { PullDetail } from "../repo/repo-port.js";
import type { AppDocument } from "../state/app-document.js";
import { amend } from "../state/decide.js";
import type { LinkPatch } from "../state/link-patch.js";
import { isDamaged } from "../state/state-store.js";
import { reportEvent } from "../tracks/report-event.js";
import { taskOfBranch } from "../tracks/task-of-branch.js";
import { keepUpToDate } from "./keep-up-to-date.js";
import type { Actor } from "./payload.js";
import type { RepoEnv } from "./repo-env.js";

/** Kept of a handoff note for the dependents' briefs (the whole note is in the pull request). */
export const maxHandoffChars = 2000;

export const pullActions = ["opened", "edited", "synchronize", "reopened", "closed"] as const;

export interface PullPayload {
  action: string;
  number: number;
  sender?: Actor;
}

export async function onPullRequest(payload: PullPayload, env: RepoEnv): Promise<void> {
  const { services } = env;
  const pull = await services.repo.getPull(payload.number);
  if (!pull) return;
  const document = await currentDocument(services);
  const task = document && pull.sameRepository ? taskOfBranch(document.engine, pull.headRef) : null;
  if (payload.action === "closed") {
    if (!task) return;
    const event: EngineEvent = pull.merged
      ? {
          id: `merged:${pull.number}`,
          type: "pr-merged",
          track: task.track,
          unit: task.unit,
          pr: pull.number,
        }
      : {
          id: `closed:${pull.number}:${pull.headSha}`,
          type: "pr-closed",
          track: task.track,
          unit: task.unit,
          pr: pull.number,
        };
    await runEvents(services, [event], [prLink(task, pull.number)]);
    return;
  }
  if (pull.state !== "open") return;
  // Only the body as the Action's App wrote it is trusted: a person's edit of the block is not a report.
  const editedByOther = payload.action === "edited" && payload.sender?.login !== pull.author?.login;
  const block = task && pull.author?.type === "Bot" && !editedByOther ? ownBlock(pull, task) : null;
  await checkPull(env, pull, task, block, document);
}

/** Reads the report (once per attempt), posts the checks, feeds the gates to the engine, merges when green. */
export function checkPull(
  env: RepoEnv,
  pull: PullDetail,
  task: { track: string; unit: string } | null,
  block: ReportBlock | null,
  known: AppDocument | null,
): Promise<void> {
  return checkPullWith(env.services, pull, task, block, known);
}

export async function checkPullWith(
  services: RepoServices,
  pull: PullDetail,
  task: { track: string; unit: string } | null,
  block: ReportBlock | null,
  known: AppDocument | null,
): Promise<void> {
  let document = known;
  if (task && block) {
    const event = reportEvent(block, services.settings, { ...task, pr: pull.number });
    // The handoff note waits in the links until the task is merged; then its dependents' issues get it.
    const learnt: LinkPatch = {
      kind: "unit",
      track: task.track,
      unit: task.unit,
      links: { pr: pull.number, handoff: block.handoff.slice(0, maxHandoffChars) },
    };
    document = (await runEvents(services, [event], [learnt])).document;
  }
  if (!document) return;
  const checks = await ensurePullChecks(
    services.repo,
    services.settings,
    document,
    pull,
    task,
    block,
    services.clock(),
  );
  await rememberBlocked(services, document, pull.number, checks.lockBlocked);
  if (task && checks.gates.length > 0) {
    const events: EngineEvent[] = checks.gates.map((gate) => ({
      id: `gate:${pull.headSha}:${gate.gate}:${gate.passed ? "pass" : "fail"}`,
      type: "gate",
      track: task.track,
      unit: task.unit,
      gate: gate.gate,
      status: gate.passed ? "pass" : "fail",
      current: gate.current,
    }));
    await runEvents(services, events);
  }
  // A merge by the app is a merge: the task is done at once, without waiting for the webhook it causes.
  if (task && (await keepUpToDate(services, pull, checks.allPassed, attemptOut(document, task))))
    await runEvents(services, [
      { id: `merged:${pull.number}`, type: "pr-merged", track: task.track, unit: task.unit, pr: pull.number },
    ]);
}

/** Whether an attempt of the task is out (dispatched or running): its agent is still to push to the branch. */
function attemptOut(document: AppDocument, task: { track: string; unit: string }): boolean {
  const runs = document.engine.tracks[task.track]?.runs ?? {};
  const run = Object.hasOwn(runs, task.unit) ? runs[task.unit] : undefined;
  return run !== undefined && isInFlight(run.status);
}

/** Pull requests a lock blocks are remembered, so that releasing the lock checks them again. */
async function rememberBlocked(
  services: RepoServices,
  document: AppDocument,
  pr: number,
  blocked: boolean,
): Promise<void> {
  if ((document.blockedPulls ?? []).includes(pr) === blocked) return;
  await amend(services.store, (stored) => {
    const known = stored.blockedPulls ?? [];
    if (known.includes(pr) === blocked) return null;
    const blockedPulls = blocked ? [...known, pr].slice(-1000) : known.filter((n) => n !== pr);
    return { ...stored, blockedPulls };
  });
}

/** A lock was released: the pull requests it blocked get their checks again. */
export async function recheckBlocked(services: RepoServices, pulls: readonly number[]): Promise<void> {
  const stored = await services.store.load();
  const document = stored && !isDamaged(stored) ? stored.document : null;
  if (!document) return;
  for (const number of pulls.slice(0, 50)) {
    const pull = await services.repo.getPull(number);
    if (pull?.state !== "open") {
      await rememberBlocked(services, document, number, false);
      continue;
    }
    const task = pull.sameRepository ? taskOfBranch(document.engine, pull.headRef) : null;
    await checkPullWith(services, pull, task, null, document);
  }
}

function ownBlock(pull: PullDetail, task: { track: string; unit: string }): ReportBlock | null {
  const block = parseReportBlock(pull.body);
  return block && block.track === task.track && block.task === task.unit ? block : null;
}

async function currentDocument(services: RepoServices): Promise<AppDocument | null> {
  const stored = await services.store.load();
  return stored && !isDamaged(stored) ? stored.document : null;
}

function prLink(task: { track: string; unit: string }, pr: number): LinkPatch {
  return { kind: "unit", track: task.track, unit: task.unit, links: { pr } };
}
