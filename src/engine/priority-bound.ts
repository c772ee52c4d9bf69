// A lower bound on the makespan, for stopping the search early: once a schedule reaches it, no order can do
// better: the critical path, the work spread over every agent, the longest units that cannot all have an agent
// of their own, the units that must run one after another because they all hold one lock, and the work left
// after the time no unit can start before (see `windowBound`).

import { usableAgents } from "./agent-pool.js";
import { writeSharedCode } from "./lock-class.js";
import type { PreparedGraph } from "./prepared-graph.js";
import { windowBound } from "./priority-window-bound.js";

/** Hours are compared in seconds: effort estimates are whole seconds, and sums of those are exact. */
const secondsPerHour = 3600;

/** `tLevels`: each unit's t-level (see `PriorityKeys.tLevels`). */
export function makespanBound(prepared: PreparedGraph, agents: number, tLevels: Float64Array): number {
  const { hours, levels } = prepared;
  const count = hours.length;
  if (count === 0) return 0;
  let critical = 0;
  let work = 0;
  for (let i = 0; i < count; i++) {
    critical = Math.max(critical, levels[i] as number);
    work += hours[i] as number;
  }
  const usable = usableAgents(agents, count);
  const grain = grainOf(hours);
  const roundUp = (span: number): number => roundUpToGrain(span, grain);
  return Math.max(
    critical,
    roundUp(work / usable),
    longestUnits(hours, usable),
    lockChain(prepared),
    windowBound(prepared, tLevels, usable, roundUp),
  );
}

/**
 * Of the k·P + 1 longest units, some agent runs at least k + 1, one after another: at least the k + 1 shortest
 * of them. With k = 1, the P-th and (P+1)-th longest units (the classic bound for independent tasks).
 */
function longestUnits(hours: Float64Array, agents: number): number {
  if (hours.length <= agents) return 0;
  const longest = hours.slice().sort().reverse();
  // before[i]: the hours of the i longest units, so each chain is one subtraction.
  const before = new Float64Array(longest.length + 1);
  for (let i = 0; i < longest.length; i++) before[i + 1] = (before[i] as number) + (longest[i] as number);
  let bound = 0;
  for (let k = 1; k * agents < longest.length; k++)
    bound = Math.max(bound, (before[k * agents + 1] as number) - (before[k * agents - k] as number));
  return bound;
}

/**
 * The hours every schedule's times are made of: every start is 0 or some unit's end, so with whole seconds that
 * share a divisor, a makespan is a multiple of it. 0 when the hours are not whole seconds.
 */
function grainOf(hours: Float64Array): number {
  let grain = 0;
  for (const value of hours) {
    const seconds = Math.round(value * secondsPerHour);
    if (!Number.isSafeInteger(seconds) || Math.abs(seconds - value * secondsPerHour) > 1e-6) return 0;
    grain = gcd(grain, Math.abs(seconds));
  }
  return grain / secondsPerHour;
}

function roundUpToGrain(value: number, grain: number): number {
  if (!(grain > 0) || !Number.isFinite(value)) return value;
  // Tolerance for the float division: 2.9999999999 hours of whole-second work is 3 hours.
  return Math.ceil(value / grain - 1e-9) * grain;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Units holding the same lock never run at once, and a write-shared unit runs alone among writers: the
 * write-shared units plus the busiest lock's holders run one after another.
 */
function lockChain(prepared: PreparedGraph): number {
  const { hours } = prepared;
  const { codes, start, ids } = prepared.locks;
  let shared = 0;
  const onLock = new Map<number, number>();
  for (let i = 0; i < hours.length; i++) {
    if (codes[i] === writeSharedCode) shared += hours[i] as number;
    // A unit's touches are deduplicated by canonical key, so it holds each lock once.
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const id = ids[k] as number;
      onLock.set(id, (onLock.get(id) ?? 0) + (hours[i] as number));
    }
  }
  let busiest = 0;
  for (const total of onLock.values()) busiest = Math.max(busiest, total);
  return shared + busiest;
}
