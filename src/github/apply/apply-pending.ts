// Applies pending effects in order until the deadline. Task issues are created first, prerequisites before
// the units that need them, so every later effect (a status label, a "blocked by" link, a brief's link to a
// prerequisite) finds the issue it needs. An effect that throws is recorded as failed and goes again later;
// the pass carries on with the others, since effects of different units do not depend on each other.

import type { Effect } from "../../engine/track/effects.js";
import type { AppDocument, PendingEffect } from "../state/app-document.js";
import type { ApplyContext, ApplyOutcome, EffectResult } from "./apply-context.js";
import { applyCreateTask } from "./apply-create-task.js";
import { applyCancelRun, applyDispatch } from "./apply-dispatch.js";
import { applyMessage } from "./apply-messages.js";
import { applyPostCheck } from "./apply-post-check.js";
import { ApplySession } from "./apply-session.js";
import { applySetStatus } from "./apply-set-status.js";

export interface ApplyOptions {
  /** The effects were taken over from another process: a dispatch may have gone out already. */
  takenOver?: boolean;
}

export async function applyPending(
  context: ApplyContext,
  document: AppDocument,
  pending: readonly PendingEffect[],
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const session = new ApplySession(context, document);
  const outcome: ApplyOutcome = {
    done: new Set(),
    failures: new Map(),
    patches: [],
    followUps: [],
    left: [],
    document,
  };
  const waiting = unitsWaitingForTheirIssue(document, pending);
  const ordered = inApplyOrder(pending).filter((entry) => {
    if (entry.effect.type === "create-task" || !waiting.has(key(entry.effect))) return true;
    // Its unit's task issue is still to be made by another process (or one that died): a dispatch now would
    // start an agent with no brief to read. It stays in the outbox and goes with that issue, in order.
    context.log.info(`effect ${entry.id} (${entry.effect.type}) waits for its task issue`);
    return false;
  });
  for (const [index, entry] of ordered.entries()) {
    if (context.now() >= context.deadline) {
      outcome.left = ordered.slice(index);
      break;
    }
    try {
      const result = await applyOne(session, entry, options.takenOver === true || entry.tries > 0);
      session.patch(result.patches ?? []);
      outcome.patches.push(...(result.patches ?? []));
      outcome.followUps.push(...(result.followUps ?? []));
      outcome.done.add(entry.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      context.log.warn(`effect ${entry.id} (${entry.effect.type}) failed: ${message}`);
      outcome.failures.set(entry.id, message.slice(0, 500));
    }
  }
  outcome.document = session.document;
  return outcome;
}

function applyOne(session: ApplySession, entry: PendingEffect, mayBeSent: boolean): Promise<EffectResult> {
  const effect = entry.effect;
  switch (effect.type) {
    case "create-task":
      return applyCreateTask(session, effect);
    case "set-status":
      return applySetStatus(session, effect);
    case "dispatch":
      return applyDispatch(session, effect, { mayBeSent });
    case "cancel-run":
      return applyCancelRun(session, effect);
    case "comment":
    case "stop-track":
    case "track-completed":
    case "budget-warning":
      return applyMessage(session, effect);
    case "post-check":
      return applyPostCheck(session, effect);
  }
}

/** create-task effects first, each after those of its prerequisites; the rest in the engine's order. */
export function inApplyOrder(pending: readonly PendingEffect[]): PendingEffect[] {
  const creates = pending.filter((entry) => entry.effect.type === "create-task");
  const byUnit = new Map(creates.map((entry) => [key(entry.effect), entry]));
  const placed = new Set<PendingEffect>();
  const ordered: PendingEffect[] = [];
  const visiting = new Set<PendingEffect>();
  const place = (entry: PendingEffect): void => {
    if (placed.has(entry) || visiting.has(entry)) return;
    visiting.add(entry);
    const effect = entry.effect as Extract<Effect, { type: "create-task" }>;
    for (const dep of effect.deps) {
      const before = byUnit.get(`${effect.track}\u0000${dep}`);
      if (before) place(before);
    }
    visiting.delete(entry);
    placed.add(entry);
    ordered.push(entry);
  };
  for (const entry of creates) place(entry);
  return [...ordered, ...pending.filter((entry) => entry.effect.type !== "create-task")];
}

/** Units whose create-task effect is in the outbox but not among the effects at hand. */
function unitsWaitingForTheirIssue(document: AppDocument, pending: readonly PendingEffect[]): Set<string> {
  const held = new Set(pending.map((entry) => entry.id));
  return new Set(
    document.outbox
      .filter((entry) => entry.effect.type === "create-task" && !held.has(entry.id))
      .map((entry) => key(entry.effect)),
  );
}

function key(effect: PendingEffect["effect"]): string {
  return `${effect.track}\u0000${"unit" in effect ? effect.unit : ""}`;
}
