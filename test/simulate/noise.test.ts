import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispatchUnits } from "../../src/engine/units.js";
import { simulateTrack } from "../../src/simulate/simulate-track.js";
import { simulationJson } from "../../src/simulate/simulation-json.js";
import { readPlanFile } from "./simulate-support.js";

const plan = readPlanFile("fixtures/plans/phase-5-3.yaml");
const free = { ...plan, track: { ...plan.track, budgetUsd: null } };
const units = dispatchUnits(free);
const hoursOf = new Map(units.map((unit) => [unit.id, unit.hours]));
const costOf = new Map(units.map((unit) => [unit.id, unit.costUsd]));

describe("simulate with --noise", () => {
  it("gives the same run for the same seed", () => {
    const a = simulationJson(simulateTrack(free, { agents: 3, noise: 0.3, seed: 7 }));
    const b = simulationJson(simulateTrack(free, { agents: 3, noise: 0.3, seed: 7 }));
    expect(a).toEqual(b);
  });

  it("gives other durations for another seed", () => {
    const a = simulateTrack(free, { agents: 3, noise: 0.3, seed: 7 });
    const b = simulateTrack(free, { agents: 3, noise: 0.3, seed: 8 });
    const durations = (r: typeof a) => r.schedule.map((entry) => entry.end - entry.start);
    expect(durations(a)).not.toEqual(durations(b));
  });

  it("keeps every attempt within ±noise of its estimate, and spends the estimate × the same factor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, noise) => {
          const result = simulateTrack(free, { agents: 4, noise, seed });
          expect(result.ending.status).toBe("completed");
          let spent = 0;
          for (const entry of result.schedule) {
            const estimate = hoursOf.get(entry.id) ?? Number.NaN;
            const hours = entry.end - entry.start;
            expect(hours).toBeGreaterThanOrEqual(estimate * (1 - noise) - 1e-9);
            expect(hours).toBeLessThanOrEqual(estimate * (1 + noise) + 1e-9);
            spent += ((costOf.get(entry.id) ?? Number.NaN) * hours) / estimate;
          }
          expect(result.spentUsd).toBeCloseTo(spent, 6);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("spreads durations over the whole ±range rather than a corner of it", () => {
    const factors: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const result = simulateTrack(free, { agents: 4, noise: 0.5, seed });
      for (const entry of result.schedule)
        factors.push((entry.end - entry.start) / (hoursOf.get(entry.id) as number));
    }
    expect(Math.min(...factors)).toBeLessThan(0.6);
    expect(Math.max(...factors)).toBeGreaterThan(1.4);
  });

  it("refuses noise outside 0 to 1 and a fractional agent count", () => {
    expect(() => simulateTrack(free, { noise: 1.5 })).toThrow(RangeError);
    expect(() => simulateTrack(free, { noise: Number.NaN })).toThrow(RangeError);
    expect(() => simulateTrack(free, { agents: 1.5 })).toThrow(RangeError);
  });
});
