// A slash word that is not a command is either a typo of one (`/dispatchh`, `/canel`, `/plans`), which deserves
// a "did you mean" reply, or something else entirely (`/usr`, `/cc`, `/lgtm`, another bot's command), which
// must stay silent. The line between them: an edit distance (with swapped neighbours as one edit) of at most 1
// for words of up to 4 letters and at most 2 for longer ones.

import { type CommandName, commandNames } from "./command-types.js";

/** The known command closest to `word` (lower case), or null when none is close enough to be a typo. */
export function nearestCommand(word: string): CommandName | null {
  const limit = word.length <= 4 ? 1 : 2;
  let best: CommandName | null = null;
  let bestDistance = limit + 1;
  for (const name of commandNames) {
    const distance = editDistance(word, name, limit);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`. Words are at most 32
 * letters (see command-lines.ts), so the table stays tiny.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}
