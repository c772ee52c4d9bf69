// The app's loop for one repository: decide on the events (one compare-and-swap write of the document, with the
// effects in its outbox), apply the effects, update the dashboards of the tracks involved, and record what was
// done in a second write. Events the effects produce (a dispatch GitHub refused) are decided next, a few rounds
// at most. Effects that do not fit in the webhook's time go on in the background; if the process dies, they are
// still in the outbox for reconcile.

import type { EngineEvent } from "../../engine/track/events.js";
import type { EngineState } from "../../engine/track/state.js";
import type { ApplyOutcome } from "../apply/apply-context.js";
import { applyPending } from "../apply/apply-pending.js";
import { ensureDashboard } from "../apply/ensure-dashboard.js";
import type { AppDocument, PendingEffect } from "../state/app-document.js";
import { amend, decide } from "../state/decide.js";
import { applyPatches, type LinkPatch } from "../state/link-patch.js";
import { failEffects, removeEffects } from "../state/outbox.js";
import { documentToText } from "../state/state-document.js";
import type { RepoServices } from "./repo-services.js";

/** Rounds of follow-up events after the first decision: a refused dispatch fails once, then the engine waits. */
const maxRounds = 4;

export interface EventsOutcome {
  document: AppDocument;
  /** The effects the first decision produced (what these events themselves caused). */
  first: PendingEffect[];
}

export async function runEvents(
  services: RepoServices,
  events: readonly EngineEvent[],
  /** Links the delivery itself brought (a run's id from its webhook), recorded with the first decision. */
  learnt: readonly LinkPatch[] = [],
): Promise<EventsOutcome> {
  let queue = [...events];
  let document: AppDocument | null = null;
  let first: PendingEffect[] = [];
  for (let round = 0; round === 0 || (queue.length > 0 && round < maxRounds); round++) {
    const decision = await decide(services.store, queue, {
      now: services.clock(),
      owner: services.owner,
      leaseMs: services.leaseMs,
      prepare: (engine) => withRepoCap(engine, services.settings.repoMaxParallel),
    });
    if (round === 0) first = decision.pending;
    for (const at of decision.wakes) services.wake(at);
    const tracks = new Set<string>();
    for (const event of queue) if ("track" in event) tracks.add(event.track);
    for (const entry of decision.pending) tracks.add(entry.effect.track);
    // With nothing pending (a redelivery, a pause) this only brings the dashboards up to date, if they differ.
    const outcome = await applyWithin(
      services,
      applyPatches(decision.document, round === 0 ? learnt : []),
      decision.pending,
    );
    if (round === 0) outcome.patches.unshift(...learnt);
    document = await recordApplied(services, outcome.document, outcome, tracks);
    queue = outcome.followUps;
    const blocked = document.blockedPulls ?? [];
    if (blocked.length > 0 && releasedLock(decision.before.engine, decision.document.engine))
      await services.locksReleased?.(blocked);
  }
  return { document: document as AppDocument, first };
}

/** Applies effects this process holds, within the webhook's time; the rest continue in the background. */
export async function applyWithin(
  services: RepoServices,
  document: AppDocument,
  pending: readonly PendingEffect[],
  takenOver = false,
  budgetMs = services.budgetMs,
): Promise<ApplyOutcome> {
  const outcome = await applyPending(
    {
      repo: services.repo,
      settings: services.settings,
      planOf: async (track) => services.plans.get(track) ?? (await services.readPlan(track)),
      now: services.clock,
      deadline: services.clock() + budgetMs,
      log: services.log,
    },
    document,
    pending,
    { takenOver },
  );
  if (outcome.left.length > 0) {
    const left = outcome.left;
    services.log.info(`${left.length} effects go on in the background`);
    services.background(async () => {
      const stored = await services.store.load();
      if (!stored || !("document" in stored)) return;
      // Only what is still in the outbox and still ours: another process may have taken it over meanwhile.
      const ids = new Set(left.map((entry) => entry.id));
      // The background has the rest of the claim's time (with a margin), not a webhook's few seconds.
      const budget = Math.max(services.budgetMs, services.leaseMs * 0.8);
      const rest = stored.document.outbox.filter(
        (entry) => ids.has(entry.id) && entry.owner === services.owner,
      );
      const more = await applyWithin(services, stored.document, rest, takenOver, budget);
      await recordApplied(services, more.document, more, new Set(left.map((entry) => entry.effect.track)));
    });
  }
  return outcome;
}

/**
 * Writes what applying found and did: applied effects leave the outbox, failed ones wait to go again (or are
 * given up, which the track issue is told), links are recorded; and the dashboards of `tracks` are brought up
 * to date first, so their hashes are written in the same change.
 */
export async function recordApplied(
  services: RepoServices,
  document: AppDocument,
  outcome: ApplyOutcome,
  tracks: ReadonlySet<string>,
): Promise<AppDocument> {
  const now = services.clock();
  const dashboards: LinkPatch[] = [];
  for (const track of [...tracks].sort()) {
    try {
      const patch = await ensureDashboard(services.repo, document, track, now);
      if (patch) dashboards.push(patch);
    } catch (error) {
      services.log.warn(`the dashboard of track ${track} was not updated: ${(error as Error).message}`);
    }
  }
  const patches = [...outcome.patches, ...dashboards];
  if (outcome.done.size === 0 && outcome.failures.size === 0 && patches.length === 0) return document;
  let dropped: PendingEffect[] = [];
  const written = await amend(services.store, (stored) => {
    const next = applyPatches(removeEffects(stored, outcome.done), patches);
    const failed = failEffects(next, outcome.failures, now);
    dropped = failed.dropped;
    // Links learnt again (a redelivered run) change nothing: no write.
    return sameDocument(failed.document, stored) ? null : failed.document;
  });
  for (const entry of dropped) await reportDropped(services, entry);
  return written?.document ?? applyPatches(document, patches);
}

async function reportDropped(services: RepoServices, entry: PendingEffect): Promise<void> {
  const what = "unit" in entry.effect ? `${entry.effect.type} of ${entry.effect.unit}` : entry.effect.type;
  try {
    await services.repo.createComment(
      Number(entry.effect.track),
      `Swarm Dispatch gave up on one step after ${entry.tries} tries: ${what} (last error: ${entry.lastError ?? "unknown"}). \`/resume\` checks the track against GitHub and repairs what it can.`,
    );
  } catch (error) {
    services.log.error(`could not report a dropped effect ${entry.id}: ${(error as Error).message}`);
  }
}

/** Whether some unit held a lock before the decision and holds none (or a smaller one) after it. */
function releasedLock(before: EngineState, after: EngineState): boolean {
  for (const [id, track] of Object.entries(before.tracks)) {
    for (const [unit, run] of Object.entries(track.runs)) {
      if (!run.lock) continue;
      const now = after.tracks[id]?.runs[unit]?.lock;
      if (!now || now.touches.length < run.lock.touches.length) return true;
    }
  }
  return false;
}

function sameDocument(a: AppDocument, b: AppDocument): boolean {
  return a === b || documentToText(a) === documentToText(b);
}

function withRepoCap(engine: EngineState, cap: number): EngineState {
  return engine.maxParallel === cap ? engine : { ...engine, maxParallel: cap };
}
