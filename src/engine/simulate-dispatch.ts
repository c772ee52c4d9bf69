// Continuous dispatch on a virtual clock, the core of the estimated schedule: whenever an agent is free, start
// the best ready unit whose touches overlap no running unit's locks. Event-driven, so a 10,000-unit plan costs
// one heap operation per start and finish, not a scan per clock tick.
//
// Blocked candidates are parked on the lock that blocks them and come back, as one block, only when nobody holds
// that lock any more; a returning block whose lock is taken again at once is parked again whole. Without this, a
// plan where every unit writes under `src/` would re-examine every waiting unit after every finish (n² checks).
//
// Candidates are handled by their dispatch rank (see `PreparedGraph.ranks`, or `PreparedGraph.withOrder` for an
// explicit order): a lower rank goes first, and a rank names its unit, so the queues are heaps of plain numbers.

import { AgentPool } from "./agent-pool.js";
import { Arrivals } from "./fifo-arrivals.js";
import { Heap, NumberHeap } from "./heap.js";
import { PreparedGraph } from "./prepared-graph.js";
import type { DispatchUnit, ScheduleEntry } from "./types.js";

interface Block {
  /** The lock every member overlaps. */
  blocker: number;
  heap: NumberHeap;
}

interface Parked {
  blocks: Block[];
  loose: NumberHeap | null;
}

export interface SimulatedDispatch {
  entries: ScheduleEntry[];
  /** When the last unit ends (`startAt` when nothing runs). */
  end: number;
}

/**
 * Schedules the units not done in `units` from `startAt`; a dependency outside the list or done is satisfied.
 * `priority` maps unit ids to their b-level (higher goes first; ties by plan order).
 */
export function simulateDispatch(
  units: readonly DispatchUnit[],
  agents: number,
  priority: ReadonlyMap<string, number>,
  startAt: number,
): SimulatedDispatch {
  const entries: ScheduleEntry[] = [];
  const end = dispatchMembers(new PreparedGraph(units, priority), null, agents, startAt, entries);
  return { entries, end };
}

export interface DispatchOptions {
  /** Filled with each unit's start time, by unit index (units that never start keep what they had). */
  starts?: Float64Array;
  /**
   * First in, first out: candidates in the order they became ready, ties by plan order, instead of by rank (the
   * baseline continuous dispatch is compared with; see `Arrivals`).
   */
  fifo?: boolean;
}

/**
 * Schedules `members` (indices into `prepared.graph.units`; every unit when null) from `startAt`, appending
 * their entries to `entries` when given, and returns when the last one ends (`startAt` when nothing runs). A
 * dependency on a unit outside `members` is satisfied.
 */
export function dispatchMembers(
  prepared: PreparedGraph,
  members: readonly number[] | null,
  agents: number,
  startAt: number,
  entries: ScheduleEntry[] | null,
  options: DispatchOptions = {},
): number {
  const { units, depStart, depList, dependentStart, dependentList } = prepared.graph;
  const { scratch, hours } = prepared;
  const { starts = null, fifo = false } = options;
  // First in, first out ranks units as they become ready, so ranks are handed out during the simulation.
  const ranks = fifo ? new Int32Array(units.length) : prepared.ranks;
  const byRank = fifo ? new Int32Array(units.length) : prepared.byRank;
  const arrivals = fifo ? new Arrivals(units, ranks, byRank) : null;
  const { table, codes, filesOnly, start: lockStart, ids: lockIds } = prepared.locks;
  // runOf[i] === run: unit i takes part in this simulation.
  const { runOf, waiting } = scratch;
  const run = ++scratch.runs;
  const count = members === null ? units.length : members.length;
  for (let k = 0; k < count; k++) runOf[members === null ? k : (members[k] as number)] = run;

  const ready = new NumberHeap();
  const returned = new Heap<Block>((a, b) => (a.heap.peek() as number) < (b.heap.peek() as number));
  const parked = new Map<number, Parked>();
  const pool = new AgentPool(agents, count);
  // Reused for every release: written from the start, never emptied, so it is not reallocated.
  const freed: number[] = [];
  let end = startAt;

  const park = (blocker: number): Parked => {
    let slot = parked.get(blocker);
    if (!slot) {
      slot = { blocks: [], loose: null };
      parked.set(blocker, slot);
    }
    return slot;
  };
  const unpark = (blocker: number): void => {
    const slot = parked.get(blocker);
    if (!slot) return;
    parked.delete(blocker);
    for (const block of slot.blocks) returned.push(block);
    if (slot.loose) returned.push({ blocker, heap: slot.loose });
  };

  const dispatch = (now: number): void => {
    while (pool.hasFreeAgent()) {
      const fresh = ready.peek();
      const block = returned.peek();
      let candidate: number;
      if (block && (fresh === undefined || (block.heap.peek() as number) < fresh)) {
        returned.pop();
        if (table.isHeld(block.blocker)) {
          park(block.blocker).blocks.push(block);
          continue;
        }
        candidate = byRank[block.heap.pop() as number] as number;
        if (block.heap.size > 0) returned.push(block);
      } else if (fresh !== undefined) {
        candidate = byRank[ready.pop() as number] as number;
      } else {
        return;
      }
      const code = codes[candidate] as number;
      const from = lockStart[candidate] as number;
      const to = lockStart[candidate + 1] as number;
      const blocker = table.blockerOfLocks(code, filesOnly[candidate] === 1, lockIds, from, to);
      if (blocker !== null) {
        const slot = park(blocker);
        slot.loose ??= new NumberHeap();
        slot.loose.push(ranks[candidate] as number);
        continue;
      }
      table.holdLocks(code, lockIds, from, to);
      if (starts !== null) starts[candidate] = now;
      const finish = now + (hours[candidate] as number);
      const agent = pool.start(candidate, finish);
      entries?.push({ id: (units[candidate] as DispatchUnit).id, start: now, end: finish, agent });
      end = Math.max(end, finish);
    }
  };

  for (let k = 0; k < count; k++) {
    const i = members === null ? k : (members[k] as number);
    let waits = 0;
    for (let e = depStart[i] as number; e < (depStart[i + 1] as number); e++)
      if (runOf[depList[e] as number] === run) waits++;
    waiting[i] = waits;
    if (waits === 0) {
      if (arrivals === null) ready.push(ranks[i] as number);
      else arrivals.add(i);
    }
  }
  arrivals?.admit(ready);
  dispatch(startAt);
  for (let now = pool.nextFinish(); now !== undefined; now = pool.nextFinish()) {
    // One finished unit at a time: what a finish releases does not depend on the others ending at `now`.
    for (let done = pool.finishNext(now); done >= 0; done = pool.finishNext(now)) {
      const freedCount = table.releaseLocks(
        codes[done] as number,
        lockIds,
        lockStart[done] as number,
        lockStart[done + 1] as number,
        freed,
      );
      for (let f = 0; f < freedCount; f++) unpark(freed[f] as number);
      for (let e = dependentStart[done] as number; e < (dependentStart[done + 1] as number); e++) {
        const next = dependentList[e] as number;
        if (runOf[next] !== run) continue;
        const waits = (waiting[next] as number) - 1;
        waiting[next] = waits;
        if (waits === 0) {
          if (arrivals === null) ready.push(ranks[next] as number);
          else arrivals.add(next);
        }
      }
    }
    arrivals?.admit(ready);
    dispatch(now);
  }
  return end;
}
