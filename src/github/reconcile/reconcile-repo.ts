// Reconcile, for one repository: what a lost webhook or a dead process left behind is repaired without anyone
// asking. Effects whose claim ran out are taken over; retries whose backoff ended go out (the process that set
// the timer may be gone); attempts whose run ended or never started while the app was not told fail, so the
// engine retries them. The same repairs run on `/resume`; what changed is said on the track issue.

import type { EngineEvent } from "../../engine/track/events.js";
import { parseReportBlock } from "../../report/report-block.js";
import type { RepoServices } from "../drive/repo-services.js";
import { runEvents } from "../drive/run-events.js";
import { checkPullWith } from "../handlers/on-pull-request.js";
import { continueOutbox, lostRunEnds } from "../handlers/resume-track.js";
import type { AppDocument } from "../state/app-document.js";
import { isDamaged } from "../state/state-store.js";
import { lostPullEnds, repairText } from "./lost-pull-ends.js";

/**
 * Task pull requests waiting in review get their checks evaluated again: a CI gate whose webhook was lost, or one
 * pending past gateTimeoutMinutes, comes to an end here.
 */
async function recheckReviews(services: RepoServices, document: AppDocument): Promise<void> {
  for (const state of Object.values(document.engine.tracks)) {
    for (const [unit, run] of Object.entries(state.runs)) {
      if (run.status !== "review" || run.pr === null) continue;
      const pull = await services.repo.getPull(run.pr);
      if (pull?.state !== "open") continue;
      const block = pull.author?.type === "Bot" ? parseReportBlock(pull.body) : null;
      await checkPullWith(services, pull, { track: state.id, unit }, block, document);
    }
  }
}

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
    const lost = [
      ...(await lostRunEnds(services, after.document, state)),
      ...(await lostPullEnds(services, after.document, state)),
    ];
    for (const event of lost) {
      const text = repairText(event);
      if (text) repairs.set(state.id, [...(repairs.get(state.id) ?? []), text]);
    }
    events.push(...lost);
  }
  const due = Object.values(after.document.engine.tracks).some((state) =>
    Object.values(state.runs).some(
      (run) => run.status === "ready" && run.retryAt !== null && run.retryAt <= now,
    ),
  );
  if (due) events.push({ id: `${id}:tick`, type: "tick" });
  const latest = events.length > 0 ? (await runEvents(services, events)).document : after.document;
  await recheckReviews(services, latest);
  for (const [track, lines] of repairs) {
    await services.repo.createComment(
      Number(track),
      ["**Reconciled** with GitHub:", "", ...lines.map((line) => `- ${line}`)].join("\n"),
    );
  }
  return repairs;
}
