// A problem in the settings file: where (a field path such as `gates.Gate-O.checks[1]`), what is wrong, and what
// to write instead. Readers collect problems instead of throwing, so one comment lists every mistake; the list is
// capped so a hostile file (10,000 unknown keys) still yields a short reply.

export interface SettingsProblem {
  /** Field path: `maxParallel`, `gates.Gate-O.checks[1]`, `modelRates["my model"]`; "" for the whole file. */
  path: string;
  /** What is wrong, and what the app uses instead. */
  message: string;
  /** What to write instead. */
  fix: string;
}

export const maxProblems = 50;

export class SettingsProblems {
  readonly items: SettingsProblem[] = [];
  private dropped = 0;

  add(path: string, message: string, fix: string): void {
    if (this.items.length < maxProblems) this.items.push({ path, message, fix });
    else this.dropped++;
  }

  /** Every problem kept, and one more that says how many were left out. */
  list(): SettingsProblem[] {
    if (this.dropped === 0) return [...this.items];
    return [
      ...this.items,
      {
        path: "",
        message: `${this.dropped} more problem${this.dropped === 1 ? "" : "s"} not shown`,
        fix: "fix the problems above and look again",
      },
    ];
  }
}

const maxKeyShown = 60;

/** `base.key`, or `base["odd key"]` when the key is not a plain word; long keys are cut. */
export function pathOf(base: string, key: string): string {
  const shown = key.length > maxKeyShown ? `${key.slice(0, maxKeyShown)}…` : key;
  if (/^[A-Za-z0-9_-]+$/.test(shown)) return base === "" ? shown : `${base}.${shown}`;
  return `${base}[${JSON.stringify(shown)}]`;
}

export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

const maxStringShown = 40;

/** A short, safe description of any value: never the whole of a huge string, list or mapping. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    const shown = value.length > maxStringShown ? `${value.slice(0, maxStringShown)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}

/** `gates.Gate-O.checks[1]: … (write …)`; plain text: a caller that renders markdown escapes it. */
export function formatSettingsProblem(problem: SettingsProblem): string {
  const where = problem.path === "" ? "settings file" : problem.path;
  return `${where}: ${problem.message} (${problem.fix})`;
}
