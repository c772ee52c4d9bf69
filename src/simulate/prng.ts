// A small seeded pseudo-random source (mulberry32): the simulator must give the same run for the same seed on
// every machine, so it never touches Math.random. Quality is ample for perturbing durations.

/** Returns a function giving numbers uniformly in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The factor an attempt's duration and cost are multiplied by: uniformly within ±`noise` around 1. With no
 * noise it is exactly 1 and draws nothing, so a run without noise is the planner's estimate to the last bit.
 */
export function noiseFactor(random: () => number, noise: number): number {
  if (noise === 0) return 1;
  return 1 + noise * (2 * random() - 1);
}
