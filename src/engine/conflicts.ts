// Which dispatch units may not run at the same time. Read-only units take no lock; a write-shared unit (shared
// state such as a lockfile or a schema) excludes every other writer; two write-local units exclude each other
// when their touches overlap.

import { ConflictIndex } from "./conflict-index.js";
import { firstAfter } from "./first-after.js";
import { LockTable } from "./lock-table.js";
import { TouchTrie } from "./touch-trie.js";
import { parsedTouchesOf, parsedTouchesOverlap, type Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";

export type LockShape = Pick<DispatchUnit, "concurrency" | "touches">;

/** Above this many touch pairs, an index beats comparing every touch of one unit with every touch of the other. */
const pairwiseLimit = 64;

export function unitsConflict(a: LockShape, b: LockShape): boolean {
  if (a.concurrency === "read-only" || b.concurrency === "read-only") return false;
  if (a.concurrency === "write-shared" || b.concurrency === "write-shared") return true;
  const left = parsedTouchesOf(a);
  const right = parsedTouchesOf(b);
  if (left.length * right.length <= pairwiseLimit) {
    return left.some((x) => right.some((y) => parsedTouchesOverlap(x, y)));
  }
  const trie = new TouchTrie();
  for (const touch of right) trie.insert(0, touch);
  const visitor = { consider: () => true, found: () => true };
  return left.some((touch) => trie.visitOverlaps(touch, visitor));
}

/**
 * Every conflicting pair once, `[earlier, later]` in plan order, sorted by the earlier then the later unit. Stops
 * after `limit` pairs (a plan where everything touches `src/` has n²/2 of them) and says so with `truncated`.
 */
export function conflictPairs(
  units: readonly DispatchUnit[],
  limit = 10_000,
): { pairs: [string, string][]; truncated: boolean } {
  const ranked = [...units].sort((a, b) => a.order - b.order);
  // Only write-local units lock by touch (see `LockTable.request`).
  const touchesOf = ranked.map((unit) => (unit.concurrency === "write-local" ? parsedTouchesOf(unit) : []));
  const { start, ids } = lockIdsOf(touchesOf, new LockTable());
  return rankedConflictPairs(ranked, touchesOf, start, ids, limit);
}

/** Lock ids of lists of touches, flat: list r's are `ids[start[r]]` … `ids[start[r + 1] - 1]`. */
export function lockIdsOf(
  touchesOf: readonly (readonly Touch[])[],
  table: LockTable,
): { start: Int32Array; ids: Int32Array } {
  const start = new Int32Array(touchesOf.length + 1);
  let total = 0;
  for (const touches of touchesOf) total += touches.length;
  const ids = new Int32Array(total);
  let next = 0;
  for (let r = 0; r < touchesOf.length; r++) {
    start[r] = next;
    for (const touch of touchesOf[r] as Touch[]) ids[next++] = table.lockOf(touch);
  }
  start[touchesOf.length] = next;
  return { start, ids };
}

/**
 * `conflictPairs` over units already in plan order, given each write-local unit's parsed touches (and nothing
 * for the others) and their lock ids as `lockIdsOf` lays them out, for a caller that has them already.
 */
export function rankedConflictPairs(
  ranked: readonly DispatchUnit[],
  touchesOf: readonly (readonly Touch[])[],
  idStart: Int32Array,
  ids: Int32Array,
  limit = 10_000,
): { pairs: [string, string][]; truncated: boolean } {
  const cap = Number.isNaN(limit) ? 0 : Math.max(0, limit);
  const writers: number[] = [];
  const shared: number[] = [];
  for (let rank = 0; rank < ranked.length; rank++) {
    const concurrency = (ranked[rank] as DispatchUnit).concurrency;
    if (concurrency === "read-only") continue;
    writers.push(rank);
    if (concurrency === "write-shared") shared.push(rank);
  }
  const index = new ConflictIndex(touchesOf, idStart, ids);
  const pairs: [string, string][] = [];
  const seenBy = new Int32Array(ranked.length).fill(-1);
  const partners: number[] = [];
  for (let rank = 0; rank < ranked.length; rank++) {
    const unit = ranked[rank] as DispatchUnit;
    if (unit.concurrency === "read-only") continue;
    partners.length = 0;
    if (unit.concurrency === "write-shared") {
      for (let k = firstAfter(writers, rank); k < writers.length; k++) partners.push(writers[k] as number);
    } else {
      for (let k = firstAfter(shared, rank); k < shared.length; k++) {
        const partner = shared[k] as number;
        seenBy[partner] = rank;
        partners.push(partner);
      }
      index.collect(rank, touchesOf[rank] as Touch[], seenBy, partners);
      sortNumbers(partners);
    }
    for (const partner of partners) {
      if (pairs.length >= cap) return { pairs, truncated: true };
      pairs.push([unit.id, (ranked[partner] as DispatchUnit).id]);
    }
  }
  return { pairs, truncated: false };
}

/** Ascending, in place: partners are few and distinct, so insertion sort, and `sort` only for long lists. */
function sortNumbers(list: number[]): void {
  if (list.length > 32) {
    list.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as number;
    let j = i - 1;
    for (; j >= 0 && (list[j] as number) > item; j--) list[j + 1] = list[j] as number;
    list[j + 1] = item;
  }
}
