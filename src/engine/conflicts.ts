// Which dispatch units may not run at the same time. Read-only units take no lock; a write-shared unit (shared
// state such as a lockfile or a schema) excludes every other writer; two write-local units exclude each other
// when their touches overlap.

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
  const cap = Number.isNaN(limit) ? 0 : Math.max(0, limit);
  const ranked = [...units].sort((a, b) => a.order - b.order);
  const writers: number[] = [];
  const shared: number[] = [];
  const trie = new TouchTrie();
  const parsed = ranked.map((unit) => (unit.concurrency === "write-local" ? parsedTouchesOf(unit) : []));
  ranked.forEach((unit, rank) => {
    if (unit.concurrency === "read-only") return;
    writers.push(rank);
    if (unit.concurrency === "write-shared") shared.push(rank);
    else for (const touch of parsed[rank] as Touch[]) trie.insert(rank, touch);
  });

  const pairs: [string, string][] = [];
  const seenBy = new Int32Array(ranked.length).fill(-1);
  for (const [rank, unit] of ranked.entries()) {
    if (unit.concurrency === "read-only") continue;
    let partners: number[];
    if (unit.concurrency === "write-shared") {
      partners = writers.slice(firstAfter(writers, rank));
    } else {
      partners = shared.slice(firstAfter(shared, rank));
      for (const partner of partners) seenBy[partner] = rank;
      const visitor = {
        consider: (other: number) => other > rank && seenBy[other] !== rank,
        found: (other: number) => {
          seenBy[other] = rank;
          partners.push(other);
          return false;
        },
      };
      for (const touch of parsed[rank] as Touch[]) trie.visitOverlaps(touch, visitor);
      partners.sort((a, b) => a - b);
    }
    for (const partner of partners) {
      if (pairs.length >= cap) return { pairs, truncated: true };
      pairs.push([unit.id, (ranked[partner] as DispatchUnit).id]);
    }
  }
  return { pairs, truncated: false };
}

/** Index of the first entry greater than `rank` in an ascending list. */
function firstAfter(sorted: readonly number[], rank: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
