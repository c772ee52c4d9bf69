// `dispatch`: the attempt is already recorded in the document (that is what makes it exactly-once); here its
// branch `swarm/<track>/<task>` is made sure of (from the base branch's head for a first attempt; a retry
// continues on the branch it left, so its pull request is updated, not replaced) and the agent workflow is
// started on it with identifiers only. An effect taken over from a process that died may have been sent
// already: the runs on the branch are checked for this attempt's name first. `cancel-run` stops a run.

import type { Effect } from "../../engine/track/effects.js";
import type { EngineEvent } from "../../engine/track/events.js";
import { isInFlight } from "../../engine/track/unit-run.js";
import { withAnswers } from "../../render/task-issue-answers.js";
import { isRepoError } from "../repo/errors.js";
import { dispatchInputs, parseRunName } from "../workflows/run-name.js";
import type { EffectResult } from "./apply-context.js";
import type { ApplySession } from "./apply-session.js";

type Dispatch = Extract<Effect, { type: "dispatch" }>;
type CancelRun = Extract<Effect, { type: "cancel-run" }>;

export async function applyDispatch(
  session: ApplySession,
  effect: Dispatch,
  options: { mayBeSent: boolean },
): Promise<EffectResult> {
  const { repo, settings } = session.context;
  // Taken over late, the attempt may be over already (cancelled, or failed as lost): then nothing goes out.
  const runs = session.document.engine.tracks[effect.track]?.runs ?? {};
  const run = Object.hasOwn(runs, effect.unit) ? runs[effect.unit] : undefined;
  if (!run || run.attempt !== effect.attempt || !isInFlight(run.status)) return {};
  // A refusal is a setup problem a person must fix: the attempt fails (the engine retries it later, then asks
  // a person) and the track issue says why, once per attempt.
  const refused = async (message: string): Promise<EffectResult> => {
    const issue = session.links(effect.track, effect.unit).issue ?? Number(effect.track);
    await repo.createComment(
      issue,
      `${effect.unit} attempt ${effect.attempt} could not be dispatched: ${message}.`,
    );
    return { followUps: [attemptFailed(effect, message)] };
  };
  // A first attempt makes its branch (an "exists" answer means a redo found it); a retry continues on the
  // branch it left, and makes it again only if someone deleted it.
  const continues = effect.attempt > 1 && (await repo.branchHead(effect.branch)) !== null;
  if (!continues) {
    const base = await session.baseBranch();
    const head = await session.branchHead(base);
    if (head === null) {
      return refused(
        `the base branch \`${base}\` does not exist; set \`baseBranch\` in .github/swarm-dispatch.yml to a branch that does`,
      );
    }
    await repo.createBranch(effect.branch, head);
  }
  await ensureAnswers(session, effect);
  if (options.mayBeSent) {
    const runs = await repo.listRuns(settings.workflow, effect.branch);
    const sent = runs.find((run) => {
      const identity = parseRunName(run.title);
      return (
        identity?.track === effect.track &&
        identity.task === effect.unit &&
        identity.attempt === effect.attempt
      );
    });
    if (sent) return { patches: [runPatch(effect, sent.id, sent.url)] };
  }
  try {
    const run = await repo.dispatchWorkflow(
      settings.workflow,
      effect.branch,
      dispatchInputs(effect.track, effect.unit, effect.attempt),
    );
    return run.id === null ? {} : { patches: [runPatch(effect, run.id, run.url)] };
  } catch (error) {
    // The workflow is missing on the branch, or takes no workflow_dispatch with these inputs: retrying the same
    // request cannot help, so the attempt fails (the engine retries it later or asks a person) and says why.
    if (isRepoError(error, "not-found") || isRepoError(error, "invalid")) {
      return refused(
        `GitHub refused to start the agent workflow \`${settings.workflow}\` on \`${effect.branch}\` (${error.message}); check that .github/workflows/${settings.workflow} exists on the base branch and takes the inputs track, task and attempt (see docs/agent-workflow.md)`,
      );
    }
    throw error;
  }
}

/** The answers the attempt goes out with, written into the task issue the agent reads its brief from. */
async function ensureAnswers(session: ApplySession, effect: Dispatch): Promise<void> {
  const issue = session.links(effect.track, effect.unit).issue;
  if (issue === null || effect.answers.length === 0) return;
  const found = await session.repo.getIssue(issue);
  if (!found) return;
  const body = withAnswers(found.body, effect.answers);
  if (body !== found.body) await session.repo.updateIssue(issue, { body });
}

export async function applyCancelRun(session: ApplySession, effect: CancelRun): Promise<EffectResult> {
  const run = session.links(effect.track, effect.unit).run;
  if (run === null || run.attempt !== effect.attempt) return {};
  await session.repo.cancelRun(run.id);
  return {};
}

function runPatch(effect: Dispatch, id: number, url: string | null) {
  return {
    kind: "unit" as const,
    track: effect.track,
    unit: effect.unit,
    links: { run: { id, url, attempt: effect.attempt } },
  };
}

function attemptFailed(effect: Dispatch, message: string): EngineEvent {
  return {
    id: `dispatch-refused:${effect.track}:${effect.unit}:${effect.attempt}`,
    type: "attempt-failed",
    track: effect.track,
    unit: effect.unit,
    attempt: effect.attempt,
    outcome: "failed",
    message,
    tasksDone: [],
    // Nothing ran: nothing was spent.
    costUsd: 0,
  };
}
