// Scenario keys may be written camelCase, snake_case, kebab-case or spaced, like a YAML plan's, plus a few other
// names. Paths to values are compared in one normal form, so the line of a value found while reading the YAML
// is found again from the path zod reports, whichever spelling the file used.

import { camelKey } from "../plan/yaml/yaml-keys.js";

const synonyms: Record<string, string> = {
  cost: "costUsd",
  spawnCandidates: "spawn",
  candidates: "spawn",
  effort: "effortHours",
  dedup: "dedupKey",
  review: "reviewHours",
  checkpoint: "tasksDone",
};

/** The schema's name for `raw` when it is one of `known`; otherwise `raw` unchanged (zod then reports it). */
export function canonicalKey(raw: string, known: readonly string[]): string {
  const key = camelKey(raw);
  const name = Object.hasOwn(synonyms, key) ? (synonyms[key] as string) : key;
  return known.includes(name) ? name : raw;
}

function normalSegment(segment: string | number): string | number {
  if (typeof segment === "number") return segment;
  const key = camelKey(segment);
  return (Object.hasOwn(synonyms, key) ? (synonyms[key] as string) : key).toLowerCase();
}

/** One string per path, the same for every spelling of its keys. */
export function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((segment) => normalSegment(typeof segment === "symbol" ? "" : segment)));
}

/**
 * The line of the value at `path`, or of the nearest value around it: a path into a mapping written where a
 * list of one was allowed skips its index, and a missing value falls back to the mapping that lacks it.
 */
export function lineOfPath(lines: ReadonlyMap<string, number>, path: readonly PropertyKey[]): number {
  for (let end = path.length; end >= 0; end--) {
    const prefix = path.slice(0, end);
    const exact = lines.get(pathKey(prefix));
    if (exact !== undefined) return exact;
    const withoutIndex = prefix.filter((segment, k) => !(segment === 0 && k > 0));
    const loose = lines.get(pathKey(withoutIndex));
    if (loose !== undefined && withoutIndex.length < prefix.length) return loose;
  }
  return 0;
}
