// One decision for a repository: read the document, step the engine with the events, put the effects in the
// outbox claimed by this process, write the document only if nobody wrote since, and hand back the effects to
// apply. A lost race re-reads and decides again on the document the winner wrote, so the same event never takes
// effect twice (the engine ignores an event id it has seen), and the effects of one decision belong to the one
// process whose write went through.

import type { EngineEvent } from "../../engine/track/events.js";
import type { EngineState } from "../../engine/track/state.js";
import { stepAll } from "../../engine/track/step.js";
import { type AppDocument, emptyDocument, type PendingEffect } from "./app-document.js";
import { addToOutbox, recordBatches } from "./outbox.js";
import { isDamaged, type StateStore, type StateVersion } from "./state-store.js";

export interface Decision {
  document: AppDocument;
  version: StateVersion | null;
  /** The effects this decision added to the outbox, claimed by this process, in the engine's order. */
  pending: PendingEffect[];
  /** Times the engine asked to be woken at (retry backoffs). */
  wakes: number[];
  /** How many times the write lost a race before it went through. */
  conflicts: number;
  /** The document the decision was made on (what it changed is the difference). */
  before: AppDocument;
}

export interface DecideOptions {
  now: number;
  /** This process (claims its effects in the outbox). */
  owner: string;
  /** How long the claim holds before another process may take the effects over. */
  leaseMs: number;
  attempts?: number;
  /** Repository-level settings the engine state follows (e.g. the repository-wide cap), applied before the step. */
  prepare?: (engine: EngineState) => EngineState;
}

export class StateConflictError extends Error {
  constructor(attempts: number) {
    super(`the state document kept changing under us (${attempts} attempts); try again`);
  }
}

export class DamagedStateError extends Error {
  constructor(readonly reason: string) {
    super(`the state document is damaged (${reason}); /resume rebuilds it from GitHub`);
  }
}

export async function decide(
  store: StateStore,
  events: readonly EngineEvent[],
  options: DecideOptions,
): Promise<Decision> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stored = await store.load();
    if (isDamaged(stored)) throw new DamagedStateError(stored.damaged);
    const before = stored ? stored.document : emptyDocument();
    const prepared = options.prepare ? options.prepare(before.engine) : before.engine;
    const { state, effects } = stepAll(prepared, events, options.now);
    const version = stored ? stored.version : null;
    // Nothing new (a redelivery): no write, no effects.
    if (state === prepared && prepared === before.engine) {
      return { document: before, version, pending: [], wakes: [], conflicts: attempt, before };
    }
    const wakes = effects.flatMap((effect) => (effect.type === "wake" ? [effect.at] : []));
    const document = recordBatches({ ...before, engine: state }, effects, options.now);
    const until = options.now + options.leaseMs;
    const { document: next, added } = addToOutbox(document, effects, options.owner, until);
    const written = await store.save(next, version);
    if (written !== "conflict") {
      return { document: next, version: written, pending: added, wakes, conflicts: attempt, before };
    }
  }
  throw new StateConflictError(attempts);
}

/**
 * A change to the document that is not an engine step (links found, effects applied): re-read and re-applied on
 * a conflict, so it lands on whatever another process wrote meanwhile. `change` returns null when there is
 * nothing to change; the stored document is then returned as it is.
 */
export async function amend(
  store: StateStore,
  change: (document: AppDocument) => AppDocument | null,
  attempts = 5,
): Promise<{ document: AppDocument; version: StateVersion } | null> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stored = await store.load();
    if (stored === null || isDamaged(stored)) return null;
    const next = change(stored.document);
    if (next === null) return { document: stored.document, version: stored.version };
    const written = await store.save(next, stored.version);
    if (written !== "conflict") return { document: next, version: written };
  }
  throw new StateConflictError(attempts);
}
