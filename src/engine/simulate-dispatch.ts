// Continuous dispatch on a virtual clock, the core of the estimated schedule: whenever an agent is free, start
// the best ready unit whose touches overlap no running unit's locks. Event-driven, so a 10,000-unit plan costs
// one heap operation per start and finish, not a scan per clock tick.
//
// Blocked candidates are parked on the lock that blocks them and come back, as one block, only when nobody holds
// that lock any more; a returning block whose lock is taken again at once is parked again whole. Without this, a
// plan where every unit writes under `src/` would re-examine every waiting unit after every finish (n² checks).

import { AgentPool } from "./agent-pool.js";
import { Heap } from "./heap.js";
import { type LockRequest, LockTable } from "./lock-table.js";
import type { DispatchUnit, ScheduleEntry } from "./types.js";
import { buildUnitGraph, planOrderBefore } from "./unit-graph.js";

interface Block {
  /** The lock every member overlaps, or null for newly ready units. */
  blocker: number | null;
  heap: Heap<number>;
}

interface Parked {
  blocks: Block[];
  loose: Heap<number> | null;
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
  const graph = buildUnitGraph(units);
  const live = graph.units;
  const position = priorityPositions(live, priority);
  const before = (a: number, b: number): boolean => (position[a] as number) < (position[b] as number);
  const table = new LockTable();
  const locks = live.map((unit) => table.request(unit));
  const waiting = graph.deps.map((deps) => deps.length);
  const ready = new Heap<number>(before);
  const returned = new Heap<Block>((a, b) => before(a.heap.peek() as number, b.heap.peek() as number));
  const parked = new Map<number, Parked>();
  const pool = new AgentPool(agents, live.length);
  const entries: ScheduleEntry[] = [];
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
      if (block && (fresh === undefined || before(block.heap.peek() as number, fresh))) {
        returned.pop();
        if (block.blocker !== null && table.isHeld(block.blocker)) {
          park(block.blocker).blocks.push(block);
          continue;
        }
        candidate = block.heap.pop() as number;
        if (block.heap.size > 0) returned.push(block);
      } else if (fresh !== undefined) {
        candidate = ready.pop() as number;
      } else {
        return;
      }
      const blocker = table.blockerOf(locks[candidate] as LockRequest);
      if (blocker !== null) {
        const slot = park(blocker);
        slot.loose ??= new Heap<number>(before);
        slot.loose.push(candidate);
        continue;
      }
      table.hold(locks[candidate] as LockRequest);
      const unit = live[candidate] as DispatchUnit;
      const finish = now + unit.hours;
      entries.push({ id: unit.id, start: now, end: finish, agent: pool.start(candidate, finish) });
      end = Math.max(end, finish);
    }
  };

  waiting.forEach((count, i) => {
    if (count === 0) ready.push(i);
  });
  dispatch(startAt);
  for (let now = pool.nextFinish(); now !== undefined; now = pool.nextFinish()) {
    for (const done of pool.finishAll(now)) {
      for (const blocker of table.release(locks[done] as LockRequest)) unpark(blocker);
      for (const next of graph.dependents[done] as number[]) {
        waiting[next] = (waiting[next] as number) - 1;
        if (waiting[next] === 0) ready.push(next);
      }
    }
    dispatch(now);
  }
  return { entries, end };
}

/** Each unit's place in dispatch priority (b-level descending, then plan order), so comparing two is one test. */
function priorityPositions(
  units: readonly DispatchUnit[],
  priority: ReadonlyMap<string, number>,
): Int32Array {
  const level = units.map((unit) => priority.get(unit.id) ?? 0);
  const inPlanOrder = planOrderBefore(units);
  const sorted = units.map((_, i) => i);
  sorted.sort((a, b) => (level[b] as number) - (level[a] as number) || (inPlanOrder(a, b) ? -1 : 1));
  const position = new Int32Array(units.length);
  sorted.forEach((unit, rank) => {
    position[unit] = rank;
  });
  return position;
}
