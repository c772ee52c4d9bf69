// The locks held by running units during a simulated dispatch, and for a candidate the lock that blocks it. A
// blocker is named by what is locked (a canonical touch, or "some writer" / "some write-shared unit") rather than
// by which unit holds it: whether a candidate overlaps a lock depends only on the lock's touch, so candidates
// parked on a lock stay blocked, without being re-examined, for as long as anyone holds that same lock.

import { type OverlapVisitor, TouchTrie } from "./touch-trie.js";
import { parsedTouchesOf, type Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";

/** A unit's locks, resolved once by `LockTable.request` so holding and releasing them does no parsing. */
export interface LockRequest {
  concurrency: DispatchUnit["concurrency"];
  touches: readonly Touch[];
  /** The lock id of each touch. */
  ids: readonly number[];
}

/** Held while any writer runs: blocks write-shared candidates. */
export const anyWriter = -1;
/** Held while a write-shared unit runs: blocks every writing candidate. */
export const anySharedWriter = -2;

export class LockTable implements OverlapVisitor {
  private readonly trie = new TouchTrie();
  private readonly keyIds = new Map<string, number>();
  private readonly holders: number[] = [];
  private writers = 0;
  private sharedWriters = 0;
  private blocker: number | null = null;

  request(unit: Pick<DispatchUnit, "concurrency" | "touches">): LockRequest {
    // Only write-local units lock by touch: read-only ones take nothing, write-shared ones exclude all writers.
    const touches = unit.concurrency === "write-local" ? parsedTouchesOf(unit) : [];
    return { concurrency: unit.concurrency, touches, ids: touches.map((touch) => this.idOf(touch.key)) };
  }

  hold(request: LockRequest): void {
    if (request.concurrency === "read-only") return;
    this.writers++;
    if (request.concurrency === "write-shared") this.sharedWriters++;
    request.ids.forEach((id, i) => {
      this.holders[id] = (this.holders[id] ?? 0) + 1;
      if (this.holders[id] === 1) this.trie.insert(id, request.touches[i] as Touch);
    });
  }

  /** Releases the request's locks and returns the blockers nobody holds any more. */
  release(request: LockRequest): number[] {
    if (request.concurrency === "read-only") return [];
    const freed: number[] = [];
    if (--this.writers === 0) freed.push(anyWriter);
    if (request.concurrency === "write-shared" && --this.sharedWriters === 0) freed.push(anySharedWriter);
    request.ids.forEach((id, i) => {
      this.holders[id] = (this.holders[id] ?? 1) - 1;
      if (this.holders[id] === 0) {
        this.trie.remove(id, request.touches[i] as Touch);
        freed.push(id);
      }
    });
    return freed;
  }

  isHeld(blocker: number): boolean {
    if (blocker === anyWriter) return this.writers > 0;
    if (blocker === anySharedWriter) return this.sharedWriters > 0;
    return (this.holders[blocker] ?? 0) > 0;
  }

  /** A held lock the candidate overlaps, or null when it may start now. */
  blockerOf(request: LockRequest): number | null {
    if (request.concurrency === "read-only") return null;
    if (request.concurrency === "write-shared") return this.writers > 0 ? anyWriter : null;
    if (this.sharedWriters > 0) return anySharedWriter;
    this.blocker = null;
    for (const touch of request.touches) if (this.trie.visitOverlaps(touch, this)) break;
    return this.blocker;
  }

  /** Visitor side of `blockerOf`: the first overlapping lock found is the blocker. */
  consider(): boolean {
    return true;
  }

  found(id: number): boolean {
    this.blocker = id;
    return true;
  }

  private idOf(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyIds.size;
      this.keyIds.set(key, id);
    }
    return id;
  }
}
