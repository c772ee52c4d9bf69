// Binary search in the ascending lists of ranks the conflict search keeps.

/** Index of the first entry greater than `rank` in an ascending list. */
export function firstAfter(sorted: readonly number[], rank: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
