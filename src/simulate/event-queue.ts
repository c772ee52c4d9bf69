// The simulator's pending events on its virtual clock. Everything due at the same time comes out as one batch, so
// the driver hands it to `stepAll` at once: a finish frees its agent and locks before the next dispatch decision,
// as in the planner's schedule. Within a batch, agents' events come before people's, each in the order queued.

import { Heap } from "../engine/heap.js";
import type { EngineEvent } from "../engine/track/events.js";

/** How the timeline reports an event once it is handled. */
export type PendingNote =
  | { kind: "start" }
  | { kind: "outcome"; unit: string; attempt: number }
  | { kind: "gate"; unit: string; gate: string; status: "pass" | "fail" }
  | { kind: "merge"; unit: string; pr: number }
  | { kind: "command"; text: string }
  | { kind: "answer"; unit: string; text: string }
  | { kind: "quiet" };

export interface Pending {
  /** Hours from the start. */
  at: number;
  /** The engine's own time (ms) when the engine named it (a wake), so a retry's backoff ends exactly then. */
  ms: number | null;
  /** 0: the plan, agents and CI; 1: people, who act on what they see at that time. */
  party: 0 | 1;
  event: EngineEvent;
  note: PendingNote;
  /** `unit#attempt` of the attempt it belongs to: dropped when that attempt's run is cancelled. */
  attempt: string | null;
}

interface Queued extends Pending {
  seq: number;
}

export class EventQueue {
  private readonly heap = new Heap<Queued>(
    (a, b) => a.at < b.at || (a.at === b.at && (a.party < b.party || (a.party === b.party && a.seq < b.seq))),
  );
  private seq = 0;
  private readonly dropped = new Set<string>();

  get size(): number {
    return this.heap.size;
  }

  push(item: Pending): void {
    this.heap.push({ ...item, seq: this.seq++ });
  }

  /** Forgets what an attempt would still have done (its run was cancelled). */
  drop(attempt: string): void {
    this.dropped.add(attempt);
  }

  /** Every event due at the earliest time, in order; null when nothing is pending. */
  nextBatch(): { at: number; items: Pending[] } | null {
    for (;;) {
      const first = this.heap.peek();
      if (!first) return null;
      const at = first.at;
      const items: Pending[] = [];
      while (this.heap.peek()?.at === at) {
        const item = this.heap.pop() as Queued;
        if (item.attempt === null || !this.dropped.has(item.attempt)) items.push(item);
      }
      if (items.length > 0) return { at, items };
    }
  }
}
