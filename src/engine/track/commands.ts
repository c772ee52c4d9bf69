// People's commands as events. Permissions are the driver's concern (it knows who may command); here a command
// that makes no sense for the task's state is refused with a comment that says why and what would work.

import { clip } from "./attempts.js";
import { bookAttempt, bookedUsd, formatUsd } from "./budget.js";
import type { Effect } from "./effects.js";
import type { Command } from "./events.js";
import { heldLocks } from "./held-locks.js";
import { canExtend } from "./scope.js";
import type { EngineState, TrackState, UnitRun } from "./state.js";
import { stillStopped } from "./stop.js";
import { isInFlight } from "./unit-run.js";
import { ownRun } from "./working-copy.js";

export function runCommand(
  state: EngineState,
  track: TrackState,
  command: Command,
  by: string,
  effects: Effect[],
): void {
  const say = (body: string, unit: string | null = null) =>
    effects.push({ type: "comment", track: track.id, unit, body });
  if (track.status === "cancelled" || track.status === "completed") {
    say(`The track is ${track.status}; commands no longer apply.`);
    return;
  }
  const unitOf = (task: string) => {
    const id = track.units[task]
      ? task
      : Object.keys(track.units).find((key) => track.units[key]?.taskIds.includes(task));
    if (!id) say(`There is no task ${clip(task, 100)} in this track.`);
    return id ?? null;
  };
  switch (command.type) {
    case "dispatch": {
      if (command.task === null) {
        if (track.status === "stopped") resume(track, by, say);
        else if (track.status !== "active") track.status = "active";
        return;
      }
      const id = unitOf(command.task);
      const run = id ? ownRun(track, id) : undefined;
      if (!id || !run) return;
      if (track.status === "stopped" && track.stop?.reason === "needs-person") resume(track, by, say);
      if (run.status === "failed" || run.status === "cancelled") retry(track, id);
      else if (
        run.status !== "blocked" &&
        run.status !== "ready" &&
        !(run.status === "needs-input" && run.attempt === 0)
      ) {
        say(`${id} is ${run.status}; nothing to dispatch.`, id);
        return;
      }
      run.released = true;
      run.requested = true;
      if (run.status === "blocked")
        say(
          `${id} goes once ${run.blockedBy.join(", ")} ${run.blockedBy.length === 1 ? "is" : "are"} merged.`,
          id,
        );
      return;
    }
    case "pause":
      if (track.status === "active") track.status = "paused";
      return;
    case "resume":
      resume(track, by, say);
      return;
    case "retry": {
      const id = unitOf(command.task);
      const run = id ? ownRun(track, id) : undefined;
      if (!id || !run) return;
      if (run.status !== "failed" && run.status !== "cancelled") {
        say(`${id} is ${run.status}; only a failed or cancelled task can be retried.`, id);
        return;
      }
      retry(track, id);
      if (track.status === "stopped" && track.stop?.reason === "needs-person") resume(track, by, say);
      return;
    }
    case "cancel": {
      if (command.task === null) {
        for (const id of Object.keys(track.units)) cancelUnit(track, id, by, effects);
        track.status = "cancelled";
        track.stop = null;
        return;
      }
      const id = unitOf(command.task);
      const run = id ? ownRun(track, id) : undefined;
      if (!id || !run) return;
      if (run.status === "done" || run.status === "cancelled") {
        say(`${id} is already ${run.status}.`, id);
        return;
      }
      cancelUnit(track, id, by, effects);
      if (track.status === "stopped" && track.stop?.reason === "needs-person") resume(track, by, say);
      return;
    }
    case "answer": {
      const id = unitOf(command.task);
      const run = id ? ownRun(track, id) : undefined;
      if (!id || !run) return;
      if (run.questions.length === 0 && !(track.units[id]?.needsPerson && !run.released)) {
        say(`${id} has no open question.`, id);
        return;
      }
      const scope = run.questions.find((question) => question.files);
      if (scope?.files && run.lock) {
        if (!canExtend(heldLocks(state), { track: track.id, unit: id }, scope.files)) {
          say(
            `${id} cannot keep ${scope.files.join(", ")} yet: another running task holds a lock over them. Answer again once it is merged.`,
            id,
          );
          return;
        }
        run.lock = { ...run.lock, touches: [...run.lock.touches, ...scope.files] };
      }
      run.answers.push(command.text.slice(0, 4000));
      run.questions = [];
      run.released = true;
      if (run.status === "needs-input") {
        const finished = track.units[id]?.taskIds.every((task) => run.doneTasks.includes(task)) ?? false;
        if (scope?.thenReview || (finished && run.pr !== null)) {
          // Its work is complete and in its PR: the answer settles the question, no attempt is left to run.
          run.status = "review";
          run.reason =
            run.pr !== null ? `PR #${run.pr} waits for review and merge` : "waits for review and merge";
        } else {
          // Another attempt continues from the checkpoint with the answer; it keeps the lock it holds.
          run.status = "ready";
          run.reason = null;
        }
      }
      if (track.status === "stopped" && track.stop?.reason === "needs-person") resume(track, by, say);
      return;
    }
    case "unlock": {
      const id = unitOf(command.task);
      const run = id ? ownRun(track, id) : undefined;
      if (!id || !run) return;
      if (!run.lock) {
        say(`${id} holds no lock.`, id);
        return;
      }
      run.lock = null;
      say(`${id}'s lock was released by @${by}; other tasks may now write its files.`, id);
      return;
    }
    case "set-budget": {
      const badUsd = command.usd !== null && !(Number.isFinite(command.usd) && command.usd >= 0);
      const badSpawn = command.spawn !== null && !(Number.isInteger(command.spawn) && command.spawn >= 0);
      if (badUsd || badSpawn) {
        say(
          "A budget is a non-negative amount of dollars (/budget $50), a spawn budget a whole number (/budget spawn 5).",
        );
        return;
      }
      if (command.usd !== null) track.settings.budgetUsd = command.usd;
      if (command.spawn !== null) track.settings.spawnBudget = command.spawn;
      const budget = track.settings.budgetUsd;
      if (budget !== null && bookedUsd(track) < budget * 0.8) track.warnedBudget = false;
      say(
        `Budget: ${budget === null ? "none" : formatUsd(budget)} (${formatUsd(bookedUsd(track))} spent); spawn budget ${track.settings.spawnBudget} (${track.spawned} spawned).`,
      );
      const lifted =
        (track.stop?.reason === "budget" && stillStopped(track) === null) ||
        (track.stop?.reason === "spawn-budget" && track.spawned < track.settings.spawnBudget);
      if (track.status === "stopped" && lifted) resume(track, by, say);
      return;
    }
  }
}

function resume(track: TrackState, by: string, say: (body: string) => void): void {
  if (track.status === "active") return;
  if (track.status === "stopped") {
    const still = stillStopped(track);
    if (still) {
      say(`Still stopped: ${still}.`);
      return;
    }
    say(`Resumed by @${by} after: ${track.stop?.message ?? "a stop"}`);
  }
  track.status = "active";
  track.stop = null;
  track.stalls = 0;
}

function retry(track: TrackState, id: string): void {
  const run = ownRun(track, id);
  if (!run) return;
  run.failures = 0;
  run.retryAt = null;
  run.released = true;
  run.status = "blocked";
  run.reason = null;
}

function cancelUnit(track: TrackState, id: string, by: string, effects: Effect[]): void {
  const seen = track.runs[id];
  if (!seen || seen.status === "done" || seen.status === "cancelled") return;
  const run = ownRun(track, id) as UnitRun;
  if (isInFlight(run.status))
    effects.push({ type: "cancel-run", track: track.id, unit: id, attempt: run.attempt });
  bookAttempt(track, id, null);
  run.status = "cancelled";
  run.lock = null;
  run.retryAt = null;
  run.questions = [];
  run.reason = `cancelled by @${by}`;
}
