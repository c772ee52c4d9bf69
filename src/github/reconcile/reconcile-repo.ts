// Reconcile, for one repository: what a lost webhook or a dead process left behind is repaired without anyone
// asking. Effects whose claim ran out are taken over; retries whose backoff ended go out (the process that set
// the timer may be gone); attempts whose run ended or never started while the app was not told fail, so the
// engine retries them. The same repairs run on `/resume`; what changed is said on the track issue.

import type { EngineEvent } from "../../engine/track/events.js";
import type { RepoServices } from "../drive/repo-services.js";
import { runEvents } from "../drive/run-events.js";
import { continueOutbox, lostRunEnds } from "../handlers/resume-track.js";
import { isDamaged } from "../state/state-store.js";

/** Runs every repair; returns, per track, what it repaired that a person should know of (also posted there). */
export async function reconcileRepo(services: RepoServices, id: string): Promise<Map<string, string[]>> {
  const repairs = new Map<string, string[]>();
  const stored = await services.store.load();
  if (stored === null || isDamaged(stored)) return repairs;
  await continueOutbox(services);
  const after = await services.store.load();
  if (after === null || isDamaged(after)) return repairs;
  const now = services.clock();
  const events: EngineEvent[] = [];
  for (const state of Object.values(after.document.engine.tracks)) {
    if (state.status === "completed" || state.status === "cancelled") continue;
    const lost = await lostRunEnds(services, after.document, state);
    for (const event of lost) {
      if (event.type !== "attempt-failed") continue;
      repairs.set(state.id, [...(repairs.get(state.id) ?? []), `${event.unit}: ${event.message}`]);
    }
    events.push(...lost);
  }
  const due = Object.values(after.document.engine.tracks).some((state) =>
    Object.values(state.runs).some(
      (run) => run.status === "ready" && run.retryAt !== null && run.retryAt <= now,
    ),
  );
  if (due) events.push({ id: `${id}:tick`, type: "tick" });
  if (events.length > 0) await runEvents(services, events);
  for (const [track, lines] of repairs) {
    await services.repo.createComment(
      Number(track),
      ["**Reconciled** with GitHub:", "", ...lines.map((line) => `- ${line}`)].join("\n"),
    );
  }
  return repairs;
}
