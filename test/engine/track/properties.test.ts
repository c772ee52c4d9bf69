// Properties of the track state machine over random plans and random sequences of events: whatever happens, in
// whatever order, locks never overlap, nothing is dispatched early or twice, the budget holds, the spawn budget
// holds, a redelivered event changes nothing, and nothing throws.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unitsConflict } from "../../../src/engine/conflicts.js";
import { committedUsd } from "../../../src/engine/track/budget.js";
import type { Command, EngineEvent, SpawnCandidate } from "../../../src/engine/track/events.js";
import { type EngineState, emptyState } from "../../../src/engine/track/state.js";
import { step } from "../../../src/engine/track/step.js";
import { makePlan } from "../../support/make-plan.js";
import { planSpecsArb, touchPool } from "../arbitraries.js";
import { deepFreeze, gate } from "./track-driver.js";

const tracks = ["1", "2"] as const;
const coverage = { dispatches: 0, writersAtOnce: 0 };

const candidateArb: fc.Arbitrary<SpawnCandidate> = fc.record({
  title: fc.constantFrom("fix a", "fix b", "fix c", "docs"),
  touches: fc.array(fc.constantFrom(...touchPool, "../x", "/abs"), { maxLength: 2 }),
  severity: fc.constantFrom("critical", "high", "medium", "low", "low"),
  needsUserInput: fc.boolean(),
});

const commandArb: fc.Arbitrary<(task: string) => Command> = fc.oneof(
  fc.constant(() => ({ type: "dispatch", task: null }) as const),
  fc.constant((task: string) => ({ type: "dispatch", task }) as const),
  fc.constant(() => ({ type: "pause" }) as const),
  fc.constant(() => ({ type: "resume" }) as const),
  fc.constant((task: string) => ({ type: "retry", task }) as const),
  fc.constant((task: string) => ({ type: "cancel", task }) as const),
  fc.constant((task: string) => ({ type: "answer", task, text: "yes" }) as const),
  fc.constant((task: string) => ({ type: "unlock", task }) as const),
  fc.record({ usd: fc.option(fc.constantFrom(0, 10, 50, 500)), spawn: fc.option(fc.nat(4)) }).map(
    ({ usd, spawn }) =>
      () =>
        ({ type: "set-budget", usd, spawn }) as const,
  ),
);

const actionArb = fc.record({
  kind: fc.constantFrom(
    "start",
    "report",
    "report",
    "report",
    "fail",
    "merge",
    "merge",
    "merge",
    "close",
    "gate",
    "tick",
    "command",
    "command",
    "redeliver",
    "stale",
  ),
  track: fc.constantFrom(...tracks),
  pick: fc.nat(),
  finished: fc.nat(3),
  status: fc.constantFrom("done", "done", "done", "partial", "failed", "needs-input"),
  cost: fc.option(fc.constantFrom(0, 1, 5, 30)),
  candidates: fc.array(candidateArb, { maxLength: 3 }),
  escalate: fc.boolean(),
  changed: fc.array(fc.constantFrom("src/a.ts", "src/lib/c.ts", "docs/a.md", "README.md", "other/x.ts"), {
    maxLength: 2,
  }),
  gatePass: fc.boolean(),
  advance: fc.constantFrom(0, 30_000, 200_000, 5_000_000),
  command: commandArb,
});

// Foreground work is kept to one task in four, or most tracks would only wait for a person.
const planArb = planSpecsArb({ maxTasks: 10 })
  .filter((specs) => specs.length >= 2)
  .map((specs) =>
    specs.map((spec, i) => ({ ...spec, mode: i % 4 === 3 ? spec.mode : ("background" as const) })),
  );

const setupArb = fc.record({
  plans: fc.tuple(planArb, planArb),
  budget: fc.constantFrom(null, null, 0, 20, 60, 300),
  spawnBudget: fc.nat(3),
  maxParallel: fc.integer({ min: 1, max: 4 }),
  repoCap: fc.option(fc.integer({ min: 1, max: 5 })),
  retryLimit: fc.nat(2),
  scopePolicy: fc.constantFrom("fail", "escalate", "extend"),
  autoSpawn: fc.constantFrom("none", "safe-only", "all"),
});

function heldLocksOverlap(state: EngineState): string | null {
  const held = Object.values(state.tracks).flatMap((track) =>
    Object.entries(track.runs).flatMap(([unit, run]) =>
      run.lock ? [{ id: `${track.id}/${unit}`, ...run.lock }] : [],
    ),
  );
  for (let i = 0; i < held.length; i++)
    for (let j = i + 1; j < held.length; j++)
      if (unitsConflict(held[i] as never, held[j] as never)) return `${held[i]?.id} and ${held[j]?.id}`;
  return null;
}

describe("track state machine properties", () => {
  it("holds its invariants under any sequence of events", () => {
    fc.assert(
      fc.property(
        setupArb,
        fc.array(actionArb, { minLength: 20, maxLength: 80, size: "max" }),
        (setup, actions) => {
          let state = emptyState(setup.repoCap);
          let now = 0;
          let n = 0;
          let last: EngineEvent | null = null;
          let maxSpawnBudget = setup.spawnBudget;
          const attempts = new Set<string>();
          const send = (event: EngineEvent) => {
            // A step must never change the state it is given: frozen, any write to it throws.
            const before = deepFreeze(state);
            const result = step(state, event, now);
            state = result.state;
            last = event;
            for (const effect of result.effects) {
              if (effect.type !== "dispatch") continue;
              const key = `${effect.track}/${effect.unit}/${effect.attempt}`;
              expect(attempts.has(key), `attempt dispatched twice: ${key}`).toBe(false);
              attempts.add(key);
              const track = state.tracks[effect.track];
              const spec = track?.units[effect.unit];
              expect(before.tracks[effect.track]?.runs[effect.unit]?.attempt ?? 0).toBe(effect.attempt - 1);
              for (const dep of spec?.deps ?? []) {
                const status = track?.runs[dep]?.status;
                if (status !== undefined)
                  expect(status, `${effect.unit} dispatched before ${dep} is done`).toBe("done");
              }
              const budget = track?.settings.budgetUsd ?? null;
              if (track && budget !== null) expect(committedUsd(track)).toBeLessThanOrEqual(budget + 1e-6);
            }
            expect(heldLocksOverlap(state)).toBeNull();
            coverage.dispatches += result.effects.filter((effect) => effect.type === "dispatch").length;
            const writers = Object.values(state.tracks).flatMap((t) =>
              Object.values(t.runs).filter((run) => run.lock && run.lock.concurrency !== "read-only"),
            );
            coverage.writersAtOnce = Math.max(coverage.writersAtOnce, writers.length);
            for (const track of Object.values(state.tracks))
              expect(track.spawned).toBeLessThanOrEqual(maxSpawnBudget);
          };

          setup.plans.forEach((specs, k) => {
            const plan = makePlan(specs, {
              budgetUsd: setup.budget,
              spawnBudget: setup.spawnBudget,
              maxParallel: setup.maxParallel,
              retryLimit: setup.retryLimit,
              scopePolicy: setup.scopePolicy as "fail",
              noProgressLimit: 3,
            });
            const edited = structuredClone(plan);
            for (const task of edited.tasks) {
              task.autoSpawn = setup.autoSpawn as "all";
              task.gates = ["Gate-O"];
            }
            edited.gates.push(gate("Gate-O", "pass"));
            send({ id: `plan-${k}`, type: "plan", track: tracks[k] as string, plan: edited });
            send({
              id: `go-${k}`,
              type: "command",
              track: tracks[k] as string,
              command: { type: "dispatch", task: null },
              by: "x",
            });
          });

          for (const action of actions) {
            const track = state.tracks[action.track];
            if (!track) continue;
            // Mostly events that apply (a report for a unit that is out, a merge of one in review); sometimes any unit.
            const all = Object.keys(track.units);
            const wanted: Record<string, string[]> = {
              start: ["dispatched"],
              report: ["dispatched", "running"],
              fail: ["dispatched", "running"],
              merge: ["review"],
              close: ["review"],
            };
            const fitting = all.filter((key) => wanted[action.kind]?.includes(track.runs[key]?.status ?? ""));
            const ids = fitting.length > 0 && action.pick % 5 !== 0 ? fitting : all;
            const unit = ids.length > 0 ? (ids[action.pick % ids.length] as string) : "none";
            const run = track.runs[unit];
            const id = `a${n++}`;
            const base = { id, track: action.track };
            switch (action.kind) {
              case "start":
                send({ ...base, type: "attempt-started", unit, attempt: run?.attempt ?? 1 });
                break;
              case "report":
                send({
                  ...base,
                  type: "report",
                  unit,
                  attempt: run?.attempt ?? 1,
                  pr: 1000 + n,
                  report: {
                    status: action.status as "done",
                    changedFiles: action.changed,
                    tasksDone: track.units[unit]?.taskIds.slice(0, action.finished) ?? [],
                    spawnCandidates: action.candidates,
                    escalations: action.escalate ? ["which way?"] : [],
                    costUsd: action.cost,
                    metrics: {},
                  },
                });
                break;
              case "fail":
                send({
                  ...base,
                  type: "attempt-failed",
                  unit,
                  attempt: run?.attempt ?? 1,
                  outcome: "timed-out",
                  message: "",
                  tasksDone: track.units[unit]?.taskIds.slice(0, action.finished) ?? [],
                });
                break;
              case "merge":
                send({ ...base, type: "pr-merged", unit, pr: run?.pr ?? 1 });
                break;
              case "close":
                send({ ...base, type: "pr-closed", unit, pr: run?.pr ?? 1 });
                break;
              case "gate":
                send({
                  ...base,
                  type: "gate",
                  unit,
                  gate: "Gate-O",
                  status: action.gatePass ? "pass" : "fail",
                  current: null,
                });
                break;
              case "tick":
                now += action.advance;
                send({ id, type: "tick" });
                break;
              case "command": {
                const command = action.command(unit);
                if (command.type === "set-budget" && command.spawn !== null)
                  maxSpawnBudget = Math.max(maxSpawnBudget, command.spawn);
                send({ ...base, type: "command", command, by: "someone" });
                break;
              }
              case "redeliver": {
                if (!last) break;
                const before = state;
                const again = step(state, last, now);
                expect(again.state).toBe(before);
                expect(again.effects).toEqual([]);
                break;
              }
              case "stale":
                if (run && run.attempt > 1)
                  send({
                    ...base,
                    type: "report",
                    unit,
                    attempt: run.attempt - 1,
                    pr: 1,
                    report: {
                      status: "done",
                      changedFiles: [],
                      tasksDone: [],
                      spawnCandidates: [],
                      escalations: [],
                      costUsd: 1000,
                      metrics: {},
                    },
                  });
                break;
            }
          }
        },
      ),
      { numRuns: 200 },
    );
    // The runs must reach the situations the invariants are about, or the property proves nothing.
    expect(coverage.dispatches).toBeGreaterThan(400);
    expect(coverage.writersAtOnce).toBeGreaterThan(2);
  });
});
