// The keys a YAML plan may use, by section. Authors write camelCase (our documented schema), snake_case or
// kebab-case, and a few other names for the same thing; every spelling maps to the one canonical key so the
// extractors compare against a single list.

/** `max_parallel`, `max-parallel`, `Max Parallel`, `maxParallel` → `maxParallel`. */
export function camelKey(raw: string): string {
  const words = raw
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words
    .map((word, index) =>
      index === 0
        ? word.charAt(0).toLowerCase() + word.slice(1)
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join("");
}

export const topLevelKeys = ["track", "gates", "groups", "tasks"] as const;

export const trackKeys = [
  "id",
  "title",
  "maxParallel",
  "budgetUsd",
  "spawnBudget",
  "retryLimit",
  "scopePolicy",
  "noProgressLimit",
  "modelRates",
] as const;

/** Task keys whose value is one scalar. */
export const taskScalarKeys = [
  "role",
  "model",
  "concurrency",
  "needsUserInput",
  "mode",
  "effort",
  "cost",
  "autoSpawn",
  "status",
  "severity",
  "group",
] as const;

/** Task keys whose value is a list of scalars. */
export const taskListKeys = [
  "deps",
  "touches",
  "discoveries",
  "acceptance",
  "artifacts",
  "gates",
  "requirements",
] as const;

/** Lists of names, where `deps: T1, T2` plainly means two items (a path or a sentence may hold a comma). */
export const commaListKeys: ReadonlySet<string> = new Set(["deps", "gates", "requirements"]);

export const gateKeys = ["name", "target", "current", "status", "fix"] as const;
export const gateFixKeys = ["title", "role", "touches", "effort"] as const;
/** `title` and `description` are for readers of the plan; the dispatcher does not use them. */
export const groupKeys = ["name", "tasks", "deps", "title", "description"] as const;

const synonyms: Record<string, string> = {
  budget: "budgetUsd",
  dependsOn: "deps",
  dependencies: "deps",
  costUsd: "cost",
  discoveriesExpected: "discoveries",
  expectedDiscoveries: "discoveries",
};

/** The canonical key for `raw` among `known`, or null when it is none of them. */
export function canonicalKey<K extends string>(raw: string, known: readonly K[]): K | null {
  const key = camelKey(raw);
  const synonym = Object.hasOwn(synonyms, key) ? synonyms[key] : undefined;
  const candidate = synonym ?? key;
  return known.find((name) => name === key) ?? known.find((name) => name === candidate) ?? null;
}
