// Improvement of the best order the rules found: forward-backward improvement first, then a random-key walk
// around the current order (each move shifts every unit a few places at random and is kept when the schedule is
// no longer), justifying every new best. Stops at the lower bound or when the work budget is spent. The
// generator is seeded inside the engine (which takes no randomness from outside): same plan, same order.

import type { OrderEvaluator, ScoredOrder } from "./priority-evaluate.js";
import { baseRule, Justifier } from "./priority-justify.js";
import { seededRandom } from "./seeded-random.js";

/** Move sizes cycle through these many steps: small moves refine, larger ones leave a plateau. */
const amplitudeSteps = 7;

export function improveOrder(
  evaluator: OrderEvaluator,
  from: ScoredOrder,
  bound: number,
  places: Float64Array,
  seed: number,
): ScoredOrder {
  const justifier = new Justifier(evaluator, places);
  let best = justifier.improve(from, bound);
  let current = best;
  const random = seededRandom(seed);
  for (let step = 0; best.makespan > bound && evaluator.canAfford(); step++) {
    const amplitude = 0.5 * (1 + (step % amplitudeSteps));
    const byRank = perturbOrder(current.byRank, amplitude, random);
    const makespan = evaluator.makespan(byRank);
    // Equal moves are taken too: they walk along a plateau of equally long schedules towards a shorter one.
    if (makespan > current.makespan) continue;
    current = { byRank, makespan, rule: `${baseRule(from.rule)} + random keys` };
    if (makespan < best.makespan) {
      best = justifier.improve(current, bound);
      current = best;
    }
  }
  return best;
}

/** `byRank` (the unit at each place) with each unit moved by up to `amplitude` places either way, at random. */
export function perturbOrder(byRank: Int32Array, amplitude: number, random: () => number): Int32Array {
  const count = byRank.length;
  const keys = new Float64Array(count);
  for (let place = 0; place < count; place++) keys[place] = place + (random() * 2 - 1) * amplitude;
  const places = Array.from(keys, (_, place) => place);
  places.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  const moved = new Int32Array(count);
  for (let place = 0; place < count; place++) moved[place] = byRank[places[place] as number] as number;
  return moved;
}
