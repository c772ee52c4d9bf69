// The simulated agents: which are free (the lowest number is taken first, so a schedule reads agent 1, 2, …)
// and when each running unit ends.

import { NumberHeap } from "./heap.js";

/** How many agents a schedule may use: at least one, and never more than there are units to run. */
export function usableAgents(agents: number, unitCount: number): number {
  const most = Math.max(1, unitCount);
  if (Number.isNaN(agents) || agents < 1) return 1;
  return Math.min(most, Math.floor(agents));
}

export class AgentPool {
  private readonly free = new NumberHeap();
  // Running units: a binary heap by end, then unit, kept in parallel lists so starting a unit allocates nothing.
  private readonly units: number[] = [];
  private readonly ends: number[] = [];
  private readonly agents: number[] = [];

  constructor(agents: number, unitCount: number) {
    const count = usableAgents(agents, unitCount);
    for (let agent = 1; agent <= count; agent++) this.free.push(agent);
  }

  hasFreeAgent(): boolean {
    return this.free.size > 0;
  }

  /** Gives the unit the lowest free agent and returns that agent's number. */
  start(unit: number, end: number): number {
    const agent = this.free.pop() as number;
    const { units, ends } = this;
    let i = units.length;
    units.push(unit);
    ends.push(end);
    this.agents.push(agent);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!endsBefore(unit, end, units[parent] as number, ends[parent] as number)) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, unit, end, agent);
    return agent;
  }

  /** When the next running unit ends, or undefined when nothing runs. */
  nextFinish(): number | undefined {
    return this.ends[0];
  }

  /** Ends every unit that ends at `time`, frees their agents, and returns the units. */
  finishAll(time: number): number[] {
    const finished: number[] = [];
    for (let unit = this.finishNext(time); unit >= 0; unit = this.finishNext(time)) finished.push(unit);
    return finished;
  }

  /** Ends one unit that ends at `time` (or earlier), frees its agent and returns it; -1 when there is none. */
  finishNext(time: number): number {
    const { units, ends } = this;
    const top = units[0];
    if (top === undefined || (ends[0] as number) > time) return -1;
    this.free.push(this.agents[0] as number);
    // The last running unit fills the hole at the root and sinks to its place.
    const unit = units.pop() as number;
    const end = ends.pop() as number;
    const agent = this.agents.pop() as number;
    const size = units.length;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child =
        right < size &&
        endsBefore(units[right] as number, ends[right] as number, units[left] as number, ends[left] as number)
          ? right
          : left;
      if (!endsBefore(units[child] as number, ends[child] as number, unit, end)) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, unit, end, agent);
    return top;
  }

  private move(from: number, to: number): void {
    this.units[to] = this.units[from] as number;
    this.ends[to] = this.ends[from] as number;
    this.agents[to] = this.agents[from] as number;
  }

  private place(at: number, unit: number, end: number, agent: number): void {
    this.units[at] = unit;
    this.ends[at] = end;
    this.agents[at] = agent;
  }
}

/** The running order: earlier end first, then the lower unit. */
function endsBefore(unit: number, end: number, otherUnit: number, otherEnd: number): boolean {
  return end < otherEnd || (end === otherEnd && unit < otherUnit);
}
