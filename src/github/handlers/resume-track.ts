// `/resume`: bring the track back in line with GitHub and carry on. Effects another process left in the outbox
// (it died, or ran out of time) are taken over; runs that ended while their webhook was lost fail their
// attempts; task issues that are missing are made and wrong status labels are put right; then the engine's
// resume runs. What was repaired is listed on the track issue.

import { branchOf } from "../../engine/track/dispatch-pass.js";
import type { EngineEvent } from "../../engine/track/events.js";
import type { TrackState } from "../../engine/track/state.js";
import { isInFlight } from "../../engine/track/unit-run.js";
import type { RepoServices } from "../drive/repo-services.js";
import { applyWithin, recordApplied, runEvents } from "../drive/run-events.js";
import { lostPullEnds, repairText } from "../reconcile/lost-pull-ends.js";
import type { AppDocument, PendingEffect } from "../state/app-document.js";
import { amend } from "../state/decide.js";
import { claimExpired } from "../state/outbox.js";
import { isDamaged } from "../state/state-store.js";
import { parseRunName } from "../workflows/run-name.js";
import { rebuildState } from "./rebuild-state.js";
import type { RepoEnv } from "./repo-env.js";

/** How long a dispatched attempt may have no run on GitHub before it counts as lost. */
export const lostRunGraceMs = 10 * 60_000;

/** A run still going this long after its dispatch is hung: the Action stops agents at 5 hours, the job at 5.5. */
export const hungAfterMs = 6 * 3_600_000;

/** Effects taken over in one go; a track has at most 100 units, a few effects each. */
const maxTakenOver = 500;

export async function resumeTrack(env: RepoEnv, track: string, by: string): Promise<void> {
  const { services } = env;
  const repairs: string[] = [];
  const stored = await services.store.load();
  if (stored === null || isDamaged(stored) || !Object.hasOwn(stored.document.engine.tracks, track)) {
    const rebuilt = await rebuildState(env, track, stored);
    repairs.push(...rebuilt);
  }
  repairs.push(...(await continueOutbox(services)));
  const after = await services.store.load();
  const document = after && !isDamaged(after) ? after.document : null;
  const state =
    document && Object.hasOwn(document.engine.tracks, track) ? document.engine.tracks[track] : undefined;
  const events: EngineEvent[] = [];
  if (document && state) {
    events.push(...(await lostRunEnds(services, document, state)));
    events.push(...(await lostPullEnds(services, document, state)));
  }
  for (const event of events) {
    const text = repairText(event);
    if (text) repairs.push(text);
  }
  events.push({ id: `${env.deliveryId}:resume`, type: "command", track, command: { type: "resume" }, by });
  await runEvents(services, events);
  if (repairs.length > 0) {
    await services.repo.createComment(
      Number(track),
      [
        `**Resumed.** Repaired ${repairs.length === 1 ? "one thing" : `${repairs.length} things`}:`,
        "",
        ...repairs.map((line) => `- ${line}`),
      ].join("\n"),
    );
  }
}

/** Takes over every effect whose claim ran out, applies them, and says how many there were. */
export async function continueOutbox(services: RepoServices): Promise<string[]> {
  let claimed: PendingEffect[] = [];
  const written = await amend(services.store, (document) => {
    const taken = claimExpired(document, services.owner, services.clock(), services.leaseMs, maxTakenOver);
    claimed = taken.claimed;
    return taken.claimed.length === 0 ? null : taken.document;
  });
  if (!written || claimed.length === 0) return [];
  const outcome = await applyWithin(services, written.document, claimed, true);
  const tracks = new Set(claimed.map((entry) => entry.effect.track));
  await recordApplied(services, outcome.document, outcome, tracks);
  return [
    `carried out ${claimed.length} step${claimed.length === 1 ? "" : "s"} that an earlier run of the app had left undone`,
  ];
}

/** Attempts in flight whose run has ended (its webhook was lost) or never started: they fail now. */
export async function lostRunEnds(
  services: RepoServices,
  document: AppDocument,
  state: TrackState,
): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  const pendingDispatch = new Set(
    document.outbox.flatMap((entry) =>
      entry.effect.type === "dispatch" ? [`${entry.effect.track}/${entry.effect.unit}`] : [],
    ),
  );
  for (const [unit, run] of Object.entries(state.runs)) {
    if (!isInFlight(run.status) || pendingDispatch.has(`${state.id}/${unit}`)) continue;
    const runs = await services.repo.listRuns(services.settings.workflow, branchOf(state.id, unit));
    const mine = runs.find((found) => {
      const identity = parseRunName(found.title);
      return identity?.track === state.id && identity.task === unit && identity.attempt === run.attempt;
    });
    const base = {
      type: "attempt-failed" as const,
      track: state.id,
      unit,
      attempt: run.attempt,
      tasksDone: [],
    };
    // GitHub lists a dispatched run a little after the dispatch; only a run missing for long was lost.
    const longAgo = run.dispatchedAt !== null && services.clock() - run.dispatchedAt > lostRunGraceMs;
    if (!mine && longAgo) {
      events.push({
        ...base,
        id: `lost:${state.id}:${unit}:${run.attempt}`,
        outcome: "failed",
        message: `attempt ${run.attempt} has no run on GitHub (its dispatch was lost); it goes again`,
      });
    } else if (mine && mine.status === "completed" && mine.conclusion !== "success") {
      const outcome =
        mine.conclusion === "timed_out"
          ? "timed-out"
          : mine.conclusion === "cancelled"
            ? "cancelled"
            : "failed";
      events.push({
        ...base,
        id: `run:${mine.id}:completed`,
        outcome,
        message: `its run ended ${String(mine.conclusion).replaceAll("_", " ")} while the app was not told`,
      });
    } else if (
      mine &&
      mine.status !== "completed" &&
      run.dispatchedAt !== null &&
      services.clock() - run.dispatchedAt > hungAfterMs
    ) {
      // Past every time limit the Action and the workflow set: the runner is gone or stuck. Stop it and retry.
      await services.repo.cancelRun(mine.id);
      events.push({
        ...base,
        id: `hung:${mine.id}`,
        outcome: "timed-out",
        message: `its run hung past every time limit and was cancelled`,
      });
    }
  }
  return events;
}
