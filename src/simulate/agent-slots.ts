// The simulated agents: an attempt takes the lowest free agent number (as the planner's schedule does, so the two
// Gantt charts read alike) and gives it back when its outcome arrives or its run is cancelled.

export class AgentSlots {
  private readonly busy = new Set<number>();

  /** The lowest free agent. */
  take(): number {
    let agent = 1;
    while (this.busy.has(agent)) agent++;
    this.busy.add(agent);
    return agent;
  }

  release(agent: number): void {
    this.busy.delete(agent);
  }
}
