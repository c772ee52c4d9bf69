// The one seeded pseudo-random source of the project (mulberry32). The engine may not read a random source, yet
// the priority search, the simulator's noise and the benchmark's generated plans want variety; a fixed seed gives
// the same sequence on every machine, so every result can be reproduced.

/** Numbers uniformly in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
