// One decision for a repository: read the state, step the engine with the events, write the new state only if
// nobody wrote since, and hand back the effects to apply. A lost race re-reads and decides again on the state the
// winner wrote, so the same event never takes effect twice (the engine ignores an event id it has seen).

import type { Effect } from "../../engine/track/effects.js";
import type { EngineEvent } from "../../engine/track/events.js";
import { type EngineState, emptyState } from "../../engine/track/state.js";
import { stepAll } from "../../engine/track/step.js";
import { isDamaged, type StateStore } from "./state-store.js";

export interface Decision {
  state: EngineState;
  effects: Effect[];
  /** How many times the write lost a race before it went through. */
  conflicts: number;
}

export class StateConflictError extends Error {
  constructor(attempts: number) {
    super(`the state document kept changing under us (${attempts} attempts); try again`);
  }
}

export class DamagedStateError extends Error {
  constructor(reason: string) {
    super(`the state document is damaged (${reason}); /resume rebuilds it from GitHub`);
  }
}

export async function decide(
  store: StateStore,
  events: readonly EngineEvent[],
  now: number,
  options: { attempts?: number; fresh?: () => EngineState } = {},
): Promise<Decision> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const stored = await store.load();
    if (isDamaged(stored)) throw new DamagedStateError(stored.damaged);
    const before = stored ? stored.state : (options.fresh ?? emptyState)();
    const { state, effects } = stepAll(before, events, now);
    // Nothing new (a redelivery): no write, no effects.
    if (state === before) return { state, effects, conflicts: attempt };
    const written = await store.save(state, stored ? stored.version : null);
    if (written !== "conflict") return { state, effects, conflicts: attempt };
  }
  throw new StateConflictError(attempts);
}
