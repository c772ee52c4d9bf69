// What every dashboard section reads: the engine's track, the GitHub links of each unit, and how much room the
// section may take at the current shortening level (see dashboard.ts).

import { unitsConflict } from "../engine/conflicts.js";
import type { TrackState, UnitRun, UnitSpec } from "../engine/track/state.js";

/** Where a unit lives on GitHub: its task issue, its pull request and its latest Actions run. */
export interface UnitLinks {
  issue: number | null;
  pr: number | null;
  runUrl: string | null;
}

export interface DashboardInput {
  track: TrackState;
  /** Per unit id; a unit missing here shows no links. */
  links: Readonly<Record<string, UnitLinks>>;
  /** `owner/repo`: run links are shown only when they point into this repository. */
  repository: string;
  /** The time of rendering (ms since the epoch), shown as "Updated …". */
  now: number;
  /** The units each dispatch decision sent out, oldest first (the app keeps the recent ones). */
  batches?: readonly { at: number; units: readonly string[] }[];
  /** GitHub's limit on an issue body; lower only in tests. */
  maxChars?: number;
}

/** How much each section may show; dashboard.ts lowers these step by step until the body fits. */
export interface DashboardLimits {
  gantt: boolean;
  /** Done and cancelled units get a row in the task table. */
  settledRows: boolean;
  titleChars: number;
  reasonChars: number;
  /** Longest path shown in a lock. */
  pathChars: number;
  /** Paths of a lock, or blockers of a unit, shown in one cell. */
  namesPerCell: number;
  /** Rows of the running, ready-queue and gate lists. */
  listRows: number;
  /** Task table rows: all of them, or as many as fit in the room the other sections leave. */
  taskRows: "all" | "fit";
}

export interface UnitEntry {
  id: string;
  spec: UnitSpec;
  run: UnitRun;
}

export interface DashboardContext {
  track: TrackState;
  /** Every unit with a run, in plan order (spawned units after the plan's). */
  units: UnitEntry[];
  byId: ReadonlyMap<string, UnitEntry>;
  links: (id: string) => UnitLinks;
  repository: string;
  limits: DashboardLimits;
  /** The unit whose held lock overlaps this unit's touches, or null. */
  lockHolder: (id: string) => string | null;
}

/** Answers kept across the shortening steps of one rendering: the same question is not asked twice. */
export interface DashboardMemo {
  lockHolders: Map<string, string | null>;
}

/**
 * Lock holders compared per waiting unit. Real tracks hold a handful of locks; a hostile one with thousands of
 * glob touches would make the comparison cost seconds, and the dashboard only names the first holder anyway.
 */
export const maxLockChecks = 100;

const noLinks: UnitLinks = { issue: null, pr: null, runUrl: null };

export function dashboardContext(
  input: DashboardInput,
  limits: DashboardLimits,
  memo: DashboardMemo = { lockHolders: new Map() },
): DashboardContext {
  const { track } = input;
  const units: UnitEntry[] = [];
  for (const id of Object.keys(track.units)) {
    const spec = track.units[id];
    const run = Object.hasOwn(track.runs, id) ? track.runs[id] : undefined;
    if (spec && run) units.push({ id, spec, run });
  }
  units.sort((a, b) => a.spec.order - b.spec.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const holders = units.filter(({ run }) => run.lock !== null).slice(0, maxLockChecks);
  const lockHolder = (id: string): string | null => {
    const known = memo.lockHolders.get(id);
    if (known !== undefined) return known;
    const spec = byId.get(id)?.spec;
    const holder = spec
      ? holders.find(
          (other) => other.id !== id && other.run.lock !== null && unitsConflict(other.run.lock, spec),
        )
      : undefined;
    memo.lockHolders.set(id, holder?.id ?? null);
    return holder?.id ?? null;
  };
  return {
    track,
    units,
    byId,
    // Own properties only: a unit called `constructor` must not find Object's.
    links: (id) => (Object.hasOwn(input.links, id) ? (input.links[id] ?? noLinks) : noLinks),
    repository: input.repository,
    limits,
    lockHolder,
  };
}
