// The simulator's noise: it must give the same run for the same seed on every machine, so its random source is
// the engine's seeded generator (src/engine/seeded-random.ts), never Math.random.

/**
 * The factor an attempt's duration and cost are multiplied by: uniformly within ±`noise` around 1. With no
 * noise it is exactly 1 and draws nothing, so a run without noise is the planner's estimate to the last bit.
 */
export function noiseFactor(random: () => number, noise: number): number {
  if (noise === 0) return 1;
  return 1 + noise * (2 * random() - 1);
}
