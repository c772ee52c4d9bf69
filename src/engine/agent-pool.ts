// The simulated agents: which are free (the lowest number is taken first, so a schedule reads agent 1, 2, …)
// and when each running unit ends.

import { Heap } from "./heap.js";

interface Running {
  unit: number;
  end: number;
  agent: number;
}

/** How many agents a schedule may use: at least one, and never more than there are units to run. */
export function usableAgents(agents: number, unitCount: number): number {
  const most = Math.max(1, unitCount);
  if (Number.isNaN(agents) || agents < 1) return 1;
  return Math.min(most, Math.floor(agents));
}

export class AgentPool {
  private readonly free = new Heap<number>((a, b) => a < b);
  private readonly running = new Heap<Running>(
    (a, b) => a.end < b.end || (a.end === b.end && a.unit < b.unit),
  );

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
    this.running.push({ unit, end, agent });
    return agent;
  }

  /** When the next running unit ends, or undefined when nothing runs. */
  nextFinish(): number | undefined {
    return this.running.peek()?.end;
  }

  /** Ends every unit that ends at `time`, frees their agents, and returns the units. */
  finishAll(time: number): number[] {
    const finished: number[] = [];
    for (let next = this.running.peek(); next && next.end <= time; next = this.running.peek()) {
      this.running.pop();
      this.free.push(next.agent);
      finished.push(next.unit);
    }
    return finished;
  }
}
