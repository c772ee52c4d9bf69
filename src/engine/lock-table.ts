// The locks held by running units during a simulated dispatch, and for a candidate the lock that blocks it. A
// blocker is named by what is locked (a canonical touch, or "some writer" / "some write-shared unit") rather than
// by which unit holds it: whether a candidate overlaps a lock depends only on the lock's touch, so candidates
// parked on a lock stay blocked, without being re-examined, for as long as anyone holds that same lock.
//
// Locks are numbered (equal numbers exactly for equal canonical keys). Besides requests, the table takes a unit's
// locks as a class code and a range of lock ids, so the scheduler can keep a whole plan's locks in flat arrays.

import { HeldLocks } from "./held-locks.js";
import { classCode, readOnlyCode, writeSharedCode } from "./lock-class.js";
import { type OverlapVisitor, TouchTrie } from "./touch-trie.js";
import { parsedTouchesOf, parsedTouchesOverlap, type Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";

/** A unit's locks, resolved once by `LockTable.request` so holding and releasing them does no parsing. */
export interface LockRequest {
  concurrency: DispatchUnit["concurrency"];
  touches: readonly Touch[];
  /** The lock id of each touch. */
  ids: readonly number[];
  /** Whether every touch is a file, which can only overlap the same file, that is the same lock. */
  filesOnly: boolean;
}

/** Held while any writer runs: blocks write-shared candidates. */
export const anyWriter = -1;
/** Held while a write-shared unit runs: blocks every writing candidate. */
export const anySharedWriter = -2;

/**
 * Above this many held locks, they are indexed in a trie. Below it (a few agents with a few touches each, the
 * usual case) comparing a candidate with every held lock is faster than keeping a trie up to date.
 */
const indexFrom = 32;

export class LockTable implements OverlapVisitor {
  private readonly keyIds = new Map<string, number>();
  /** By lock id: its touch, and how many running units hold it. */
  private readonly touches: Touch[] = [];
  private readonly holders: number[] = [];
  /** The held locks, each once; a file can only overlap the same file, so folders and globs are also apart. */
  private readonly held = new HeldLocks();
  private readonly heldWide = new HeldLocks();
  private trie: TouchTrie | null = null;
  private writers = 0;
  private sharedWriters = 0;
  private blocker: number | null = null;

  request(unit: Pick<DispatchUnit, "concurrency" | "touches">): LockRequest {
    // Only write-local units lock by touch: read-only ones take nothing, write-shared ones exclude all writers.
    return this.requestParsed(
      unit.concurrency,
      unit.concurrency === "write-local" ? parsedTouchesOf(unit) : [],
    );
  }

  /** `request` for a unit whose touches are parsed already (none unless it is write-local). */
  requestParsed(concurrency: DispatchUnit["concurrency"], touches: readonly Touch[]): LockRequest {
    const ids = touches.map((touch) => this.lockOf(touch));
    return { concurrency, touches, ids, filesOnly: touches.every((touch) => touch.kind === "file") };
  }

  /** The lock id of a touch. */
  lockOf(touch: Touch): number {
    let id = this.keyIds.get(touch.key);
    if (id === undefined) {
      id = this.touches.length;
      this.keyIds.set(touch.key, id);
      // Grown one by one so the lists stay dense (a write far past the end would make them slow dictionaries).
      this.touches.push(touch);
      this.holders.push(0);
      this.held.grow();
      this.heldWide.grow();
    }
    return id;
  }

  hold(request: LockRequest): void {
    this.holdLocks(classCode(request.concurrency), request.ids, 0, request.ids.length);
  }

  /** Releases the request's locks and returns the blockers nobody holds any more. */
  release(request: LockRequest): number[] {
    const freed: number[] = [];
    freed.length = this.releaseLocks(
      classCode(request.concurrency),
      request.ids,
      0,
      request.ids.length,
      freed,
    );
    return freed;
  }

  /** A held lock the candidate overlaps, or null when it may start now. */
  blockerOf(request: LockRequest): number | null {
    const { ids, filesOnly } = request;
    return this.blockerOfLocks(classCode(request.concurrency), filesOnly, ids, 0, ids.length);
  }

  isHeld(blocker: number): boolean {
    if (blocker === anyWriter) return this.writers > 0;
    if (blocker === anySharedWriter) return this.sharedWriters > 0;
    return (this.holders[blocker] ?? 0) > 0;
  }

  /** `hold` for a unit of class `code` whose lock ids are `ids[from]` … `ids[to - 1]`. */
  holdLocks(code: number, ids: ArrayLike<number>, from: number, to: number): void {
    if (code === readOnlyCode) return;
    this.writers++;
    if (code === writeSharedCode) this.sharedWriters++;
    for (let i = from; i < to; i++) {
      const id = ids[i] as number;
      const count = (this.holders[id] ?? 0) + 1;
      this.holders[id] = count;
      if (count !== 1) continue;
      const touch = this.touches[id] as Touch;
      this.held.add(id, touch);
      if (touch.kind !== "file") this.heldWide.add(id, touch);
      this.trie?.insert(id, touch);
    }
    if (this.trie === null && this.held.ids.length > indexFrom) {
      this.trie = new TouchTrie();
      for (let k = 0; k < this.held.ids.length; k++)
        this.trie.insert(this.held.ids[k] as number, this.held.touches[k] as Touch);
    }
  }

  /**
   * `release` for a unit given as in `holdLocks`, writing the freed blockers over the start of `freed` and
   * returning how many there are: the scheduler reuses one list instead of allocating one per finished unit.
   */
  releaseLocks(code: number, ids: ArrayLike<number>, from: number, to: number, freed: number[]): number {
    if (code === readOnlyCode) return 0;
    let count = 0;
    if (--this.writers === 0) freed[count++] = anyWriter;
    if (code === writeSharedCode && --this.sharedWriters === 0) freed[count++] = anySharedWriter;
    for (let i = from; i < to; i++) {
      const id = ids[i] as number;
      const holders = (this.holders[id] ?? 1) - 1;
      this.holders[id] = holders;
      if (holders !== 0) continue;
      const touch = this.touches[id] as Touch;
      this.trie?.remove(id, touch);
      this.held.delete(id);
      if (touch.kind !== "file") this.heldWide.delete(id);
      freed[count++] = id;
    }
    // Dropped well below the threshold only, so a count hovering around it does not rebuild the trie each time.
    if (this.trie !== null && this.held.ids.length < indexFrom / 2) this.trie = null;
    return count;
  }

  /** `blockerOf` for a unit given as in `holdLocks`; `filesOnly` when all its touches are files. */
  blockerOfLocks(
    code: number,
    filesOnly: boolean,
    ids: ArrayLike<number>,
    from: number,
    to: number,
  ): number | null {
    if (code === readOnlyCode) return null;
    if (code === writeSharedCode) return this.writers > 0 ? anyWriter : null;
    if (this.sharedWriters > 0) return anySharedWriter;
    if (filesOnly) {
      // A held file overlaps a file only when it is the same one, that is the same lock.
      for (let i = from; i < to; i++) if ((this.holders[ids[i] as number] ?? 0) > 0) return ids[i] as number;
      if (this.heldWide.ids.length === 0) return null;
    }
    if (this.trie !== null) {
      this.blocker = null;
      for (let i = from; i < to && this.blocker === null; i++)
        this.trie.visitOverlaps(this.touches[ids[i] as number] as Touch, this);
      return this.blocker;
    }
    for (let i = from; i < to; i++) {
      const touch = this.touches[ids[i] as number] as Touch;
      const held = touch.kind === "file" ? this.heldWide : this.held;
      if (touch.kind === "file" && (this.holders[ids[i] as number] ?? 0) > 0) return ids[i] as number;
      for (let k = 0; k < held.touches.length; k++) {
        if (parsedTouchesOverlap(touch, held.touches[k] as Touch)) return held.ids[k] as number;
      }
    }
    return null;
  }

  /** Visitor side of `blockerOf`: the first overlapping lock found is the blocker. */
  consider(): boolean {
    return true;
  }

  found(id: number): boolean {
    this.blocker = id;
    return true;
  }
}
