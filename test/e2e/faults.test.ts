// The invariants under faults, on the GitHub fake with the app in this process: whatever the schedule of
// dropped, repeated, reordered and doubled deliveries, with one or two app instances, and with an instance killed
// right after a state write and started again, no two running tasks hold overlapping locks, each attempt is
// dispatched once, no dispatch takes the track past its budget, no task is lost (the track closes, with /resume
// after lost deliveries), and the repository ends as it does without faults.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type FaultOutcome, type FaultSchedule, runFaultTrack } from "../support/e2e/fault-track.js";

async function run(schedule: FaultSchedule): Promise<FaultOutcome> {
  const dir = await mkdtemp(join(tmpdir(), "swarm-faults-"));
  try {
    return await runFaultTrack(schedule, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let baseline: FaultOutcome;

beforeAll(async () => {
  baseline = await run({ instances: 1, faults: [], killAfterStateWrites: null });
}, 120_000);

const schedules: fc.Arbitrary<FaultSchedule> = fc.record({
  instances: fc.constantFrom(1 as const, 2 as const),
  faults: fc.array(
    fc.record({
      at: fc.nat({ max: 39 }),
      kind: fc.constantFrom(
        "drop" as const,
        "duplicate" as const,
        "hold" as const,
        "both" as const,
        "other" as const,
      ),
    }),
    { maxLength: 10 },
  ),
  killAfterStateWrites: fc.option(fc.integer({ min: 1, max: 25 }), { nil: null }),
});

function expectHeld(outcome: FaultOutcome, schedule: FaultSchedule): void {
  const context = JSON.stringify({ schedule, dispatches: outcome.dispatches, resumes: outcome.resumes });
  expect(outcome.problems, context).toEqual([]);
  expect(outcome.violations, context).toEqual([]);
  expect(outcome.closed, context).toBe(true);
  expect(outcome.signature, context).toBe(baseline.signature);
}

describe("a track under faults", () => {
  it("runs without faults: every task once, T4 last, the track closed", () => {
    expect(baseline.problems).toEqual([]);
    expect(baseline.violations).toEqual([]);
    expect(baseline.closed).toBe(true);
    expect([...baseline.dispatches].sort()).toEqual(["T1/1", "T2/1", "T3/1", "T4/1"]);
    expect(baseline.dispatches.at(-1)).toBe("T4/1");
    expect(baseline.resumes).toBe(0);
  });

  it("dispatches nothing before its task issue exists, though the process making the issues died", async () => {
    // Found by the property below: killed right after its first state write, the first process left the task
    // issues undone under its claim; the restarted one dispatched without them, and every agent found no brief.
    const schedule: FaultSchedule = { instances: 1, faults: [], killAfterStateWrites: 1 };
    expectHeld(await run(schedule), schedule);
  }, 120_000);

  it("carries out what a killed process held, at the next reconcile, though the track closed meanwhile", async () => {
    // A schedule the property below once failed on: the process died holding T3's "done" labels, and the track
    // closed without them; the periodic reconcile (run by hand in these tests) carries them out.
    const schedule: FaultSchedule = {
      instances: 1,
      faults: [
        { at: 37, kind: "hold" },
        { at: 15, kind: "duplicate" },
        { at: 24, kind: "both" },
        { at: 5, kind: "drop" },
        { at: 12, kind: "duplicate" },
        { at: 21, kind: "duplicate" },
        { at: 8, kind: "duplicate" },
        { at: 13, kind: "hold" },
      ],
      killAfterStateWrites: 15,
    };
    expectHeld(await run(schedule), schedule);
  }, 120_000);

  it("keeps its invariants whatever the deliveries do", async () => {
    await fc.assert(
      fc.asyncProperty(schedules, async (schedule) => {
        const outcome = await run(schedule);
        // FAULT_LOG=1 prints each schedule and what it led to (kills, /resume rounds, the dispatch order).
        if (process.env.FAULT_LOG)
          console.log(
            JSON.stringify({
              schedule,
              kills: outcome.kills,
              resumes: outcome.resumes,
              dispatches: outcome.dispatches,
            }),
          );
        expectHeld(outcome, schedule);
      }),
      // A few schedules per suite run (each is a whole track, ~15 s); FAULT_RUNS=100 for a deep search.
      { numRuns: Number(process.env.FAULT_RUNS ?? 5), endOnFailure: true },
    );
  }, 600_000);
});
