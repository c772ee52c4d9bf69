// A restored track keeps the engine's invariants whatever GitHub showed and whatever happens next: held locks never
// overlap, no attempt goes out twice or under a number GitHub already showed, nothing goes before its
// prerequisites are done, the budget holds at every dispatch, and no step writes to the state it was given.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../../src/engine/conflicts.js";
import { committedUsd } from "../../../src/engine/track/budget.js";
import type { EngineEvent } from "../../../src/engine/track/events.js";
import type { ObservedUnit } from "../../../src/engine/track/restore.js";
import { type EngineState, emptyState } from "../../../src/engine/track/state.js";
import { step } from "../../../src/engine/track/step.js";
import { makePlan } from "../../support/make-plan.js";
import { planSpecsArb, touchPool } from "../arbitraries.js";
import { foundSpec } from "./restore-fixture.js";
import { deepFreeze, report } from "./track-driver.js";

const observationArb: fc.Arbitrary<ObservedUnit> = fc.record({
  label: fc.constantFrom(
    null,
    null,
    "done",
    "failed",
    "cancelled",
    "needs-input",
    "review",
    "running",
    "ready",
  ),
  issueClosed: fc.boolean(),
  attempt: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(Number.NaN)),
  running: fc.constantFrom(false, false, false, true),
  // Most units have no PR yet, or nothing would be left to dispatch.
  pr: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    {
      arbitrary: fc.record({
        number: fc.integer({ min: 1, max: 50 }),
        state: fc.constantFrom("open", "merged", "closed"),
      }),
      weight: 1,
    },
  ),
}) as fc.Arbitrary<ObservedUnit>;

const actionArb = fc.record({
  kind: fc.constantFrom(
    "start",
    "report",
    "report",
    "fail",
    "merge",
    "merge",
    "close",
    "tick",
    "retry",
    "answer",
    "unlock",
    "cancel",
  ),
  pick: fc.nat(),
  status: fc.constantFrom("done", "done", "partial", "failed", "needs-input"),
  cost: fc.option(fc.constantFrom(0, 3, 20)),
});

const setupArb = fc.record({
  // Foreground work is kept to one task in four, or most tracks would only wait for a person.
  specs: planSpecsArb({ maxTasks: 8 })
    .filter((specs) => specs.length >= 2)
    .map((specs) =>
      specs.map((spec, i) => ({ ...spec, mode: i % 4 === 3 ? spec.mode : ("background" as const) })),
    ),
  observations: fc.array(observationArb, { minLength: 10, maxLength: 10 }),
  spawned: fc.array(fc.record({ dep: fc.nat(), touch: fc.constantFrom(...touchPool) }), { maxLength: 2 }),
  budget: fc.constantFrom(null, 30, 100),
  maxParallel: fc.integer({ min: 1, max: 3 }),
});

function overlapping(state: EngineState): string | null {
  const held = Object.values(state.tracks).flatMap((track) =>
    Object.entries(track.runs).flatMap(([unit, run]) => (run.lock ? [{ unit, ...run.lock }] : [])),
  );
  for (let i = 0; i < held.length; i++)
    for (let j = i + 1; j < held.length; j++)
      if (unitsConflict(held[i] as never, held[j] as never)) return `${held[i]?.unit} and ${held[j]?.unit}`;
  return null;
}

describe("a restored track", () => {
  it("keeps its invariants under any observations and any events after", () => {
    let dispatches = 0;
    let runsWith = 0;
    let floored = 0;
    fc.assert(
      fc.property(setupArb, fc.array(actionArb, { maxLength: 40 }), (setup, actions) => {
        let state = emptyState();
        let dispatchedHere = false;
        let now = 0;
        let n = 0;
        const attempts = new Set<string>();
        const observed = new Map<string, number>();
        const send = (event: EngineEvent) => {
          const before = deepFreeze(state);
          const result = step(state, event, now);
          state = result.state;
          const track = state.tracks["1"];
          for (const effect of result.effects) {
            if (effect.type !== "dispatch" || !track) continue;
            dispatches++;
            dispatchedHere = true;
            const key = `${effect.unit}/${effect.attempt}`;
            expect(attempts.has(key), `attempt dispatched twice: ${key}`).toBe(false);
            attempts.add(key);
            expect(effect.attempt).toBe((before.tracks["1"]?.runs[effect.unit]?.attempt ?? 0) + 1);
            expect(effect.attempt).toBeGreaterThan(observed.get(effect.unit) ?? 0);
            if ((observed.get(effect.unit) ?? 0) > 0) floored++;
            for (const dep of track.units[effect.unit]?.deps ?? [])
              expect(track.runs[dep]?.status ?? "done", `${effect.unit} before ${dep}`).toBe("done");
            const budget = track.settings.budgetUsd;
            if (budget !== null) expect(committedUsd(track)).toBeLessThanOrEqual(budget + 1e-6);
          }
          expect(overlapping(state)).toBeNull();
        };
        const plan = makePlan(setup.specs, {
          budgetUsd: setup.budget,
          maxParallel: setup.maxParallel,
          spawnBudget: 2,
        });
        send({ id: "plan", type: "plan", track: "1", plan });
        const ids = Object.keys(state.tracks["1"]?.units ?? {});
        const specs = setup.spawned.map(({ dep, touch }, k) =>
          foundSpec(`T-AUTO-0${k + 1}`, { deps: [ids[dep % ids.length] as string], touches: [touch] }),
        );
        const units: Record<string, ObservedUnit> = {};
        [...ids, ...specs.map((spec) => spec.id)].forEach((id, k) => {
          const seen = setup.observations[k % 10] as ObservedUnit;
          units[id] = seen;
          if (Number.isSafeInteger(seen.attempt)) observed.set(id, Math.max(0, seen.attempt));
        });
        send({ id: "restore", type: "restore", track: "1", units, specs });
        send({ id: "resume", type: "command", track: "1", command: { type: "resume" }, by: "x" });
        for (const action of actions) {
          const track = state.tracks["1"];
          if (!track) break;
          // Mostly events that apply (a report for a unit that is out, a merge of one in review); sometimes any unit.
          const all = Object.keys(track.units);
          const wanted = {
            report: ["dispatched", "running"],
            fail: ["running"],
            merge: ["review"],
            close: ["review"],
          };
          const statuses: string[] = wanted[action.kind as "report"] ?? [];
          const fitting = all.filter((id) => statuses.includes(track.runs[id]?.status ?? ""));
          const pool = fitting.length > 0 && action.pick % 4 !== 0 ? fitting : all;
          const unit = pool[action.pick % pool.length] as string;
          const run = track.runs[unit];
          const base = { id: `a${n++}`, track: "1", unit };
          const attempt = run?.attempt ?? 1;
          const task = (type: "retry" | "unlock" | "cancel") => ({ type, task: unit }) as const;
          if (action.kind === "start") send({ ...base, type: "attempt-started", attempt });
          else if (action.kind === "report") {
            const body = report({ status: action.status as "done", costUsd: action.cost });
            send({ ...base, type: "report", attempt, pr: 100 + n, report: body });
          } else if (action.kind === "fail")
            send({ ...base, type: "attempt-failed", attempt, outcome: "failed", message: "", tasksDone: [] });
          else if (action.kind === "merge") send({ ...base, type: "pr-merged", pr: run?.pr ?? 1 });
          else if (action.kind === "close") send({ ...base, type: "pr-closed", pr: run?.pr ?? 1 });
          else if (action.kind === "tick") {
            now += 3_600_000;
            send({ id: base.id, type: "tick" });
          } else if (action.kind === "answer")
            send({ ...base, type: "command", command: { type: "answer", task: unit, text: "ok" }, by: "x" });
          else send({ ...base, type: "command", command: task(action.kind as "retry"), by: "x" });
        }
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        if (dispatchedHere) runsWith++;
      }),
      { numRuns: 150 },
    );
    // The runs must reach dispatches, or the property proves nothing about them.
    expect(dispatches).toBeGreaterThan(60);
    expect(runsWith).toBeGreaterThan(40);
    expect(floored).toBeGreaterThan(10);
  });
});
