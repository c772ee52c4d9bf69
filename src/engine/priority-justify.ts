// Forward-backward improvement (justification, after Li & Willis and Valls et al.): schedule the reversed graph
// with the units that ended last going first, then schedule forward again with the units that ended last in that
// reversed schedule (so started first in real time) going first. Each pass packs the work against one end of the
// schedule; repeated while it helps, this often closes the idle gaps a greedy order leaves. Every forward order
// is scored by the real scheduler.

import { PreparedGraph } from "./prepared-graph.js";
import type { OrderEvaluator, ScoredOrder } from "./priority-evaluate.js";
import { rankBy } from "./priority-rules.js";
import type { DispatchUnit } from "./types.js";

export class Justifier {
  private reversedMemo: PreparedGraph | null = null;

  /** `places`: each unit's place in plan order, the last tie-break (see `planPlaces`). */
  constructor(
    private readonly evaluator: OrderEvaluator,
    private readonly places: Float64Array,
  ) {}

  /** The best forward order found from `from` (`from` itself when none is shorter). */
  improve(from: ScoredOrder, bound: number): ScoredOrder {
    const { evaluator, places } = this;
    const count = evaluator.count;
    const hours = evaluator.prepared.hours;
    let best = from;
    let previous = from.makespan;
    if (!(previous > bound) || !evaluator.canAfford(3)) return best;
    const starts = new Float64Array(count);
    const reversedStarts = new Float64Array(count);
    evaluator.makespan(from.byRank, starts);
    while (best.makespan > bound && evaluator.canAfford(2)) {
      const backward = rankBy([endsOf(starts, hours), starts], places);
      evaluator.run(this.reversed(), backward, reversedStarts);
      const forward = rankBy([endsOf(reversedStarts, hours), reversedStarts], places);
      const makespan = evaluator.makespan(forward, starts);
      if (makespan < best.makespan)
        best = { byRank: forward, makespan, rule: `${baseRule(from.rule)} + forward-backward` };
      if (!(makespan < previous)) break;
      previous = makespan;
    }
    return best;
  }

  /** The same units with every dependency turned around; locks are symmetric, so they stay as they are. */
  private reversed(): PreparedGraph {
    if (this.reversedMemo) return this.reversedMemo;
    const { units, dependentStart, dependentList } = this.evaluator.prepared.graph;
    // Positional ids: the reversed graph must not merge units that share an id.
    const reversedUnits = units.map(
      (unit, i): DispatchUnit => ({
        ...unit,
        id: String(i),
        deps: Array.from(dependentList.subarray(dependentStart[i], dependentStart[i + 1]), String),
        status: "todo",
        order: i,
      }),
    );
    this.reversedMemo = new PreparedGraph(reversedUnits);
    return this.reversedMemo;
  }
}

/** The rule an order started from, without the search steps that followed. */
export function baseRule(rule: string): string {
  const step = rule.indexOf(" + ");
  return step < 0 ? rule : rule.slice(0, step);
}

function endsOf(starts: Float64Array, hours: Float64Array): Float64Array {
  return starts.map((start, i) => start + (hours[i] as number));
}
