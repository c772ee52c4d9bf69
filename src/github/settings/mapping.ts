// Walking a mapping from the settings file safely: only its own keys, at most `limit` of them, whatever its size
// or shape (YAML aliases can even make it refer to itself).

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface BoundedEntries {
  entries: [string, unknown][];
  /** Keys beyond the limit, left unread. */
  extra: number;
}

export function boundedEntries(mapping: Record<string, unknown>, limit: number): BoundedEntries {
  const keys = Object.keys(mapping);
  // Own data properties only: Object.keys never lists inherited keys, and YAML's `__proto__` key is an own one.
  const entries = keys.slice(0, limit).map((key): [string, unknown] => [key, mapping[key]]);
  return { entries, extra: Math.max(0, keys.length - limit) };
}
