// Sorting lists that are usually sorted already (units come in plan order): one pass to check, and the sort only
// when some neighbours are out of order. For an antisymmetric comparator the result is exactly `list.sort(cmp)`:
// a list in order is one ascending run, which the engine's sort returns untouched.

/** `list.sort(compare)`, skipped when `list` is already in order; `compare` must be antisymmetric. */
export function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    if (!(compare(list[i - 1] as T, list[i] as T) <= 0)) return list.sort(compare);
  }
  return list;
}
