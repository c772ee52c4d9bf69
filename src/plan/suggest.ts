// "Did you mean …?" for an unknown id: the closest known id by edit distance, when it is close enough to be a
// plausible typo. Bounded: at most `maxCandidates` ids are compared, so a hostile plan cannot make this quadratic.

const maxCandidates = 5_000;

/** `T3`, `t03` and `T003` are the same id written differently: compare without case or leading zeros. */
const loose = (id: string): string => id.toLowerCase().replace(/(?<!\d)0+(?=\d)/g, "");

export function suggest(unknown: string, known: readonly string[]): string | null {
  const lower = unknown.toLowerCase();
  const looseUnknown = loose(unknown);
  const same = known.slice(0, maxCandidates).find((candidate) => loose(candidate) === looseUnknown);
  if (same) return same;
  const limit = Math.max(1, Math.floor(unknown.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  const skeleton = unknown.toLowerCase().replace(/\d+/g, "#");
  for (const candidate of known.slice(0, maxCandidates)) {
    // T02 and T03 are two different tasks, not a typo of each other: only suggest across other differences.
    if (candidate.toLowerCase().replace(/\d+/g, "#") === skeleton) continue;
    if (Math.abs(candidate.length - unknown.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once every cell of a row reaches `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length] as number;
}
