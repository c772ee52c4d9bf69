import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/plan/diagnostics.js";
import { parseScenario } from "../../src/simulate/parse-scenario.js";
import { makePlan } from "../support/make-plan.js";
import { demoPlan } from "./simulate-support.js";

const plan = demoPlan();

function errors(text: string, on = plan): string[] {
  const result = parseScenario(text, { file: "s.yaml", plan: on });
  expect(result.scenario).toBeNull();
  return result.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
}

describe("parseScenario", () => {
  it("reads every field, in any key spelling, with defaults for the rest", () => {
    const result = parseScenario(
      `
tasks:
  T03:
    - outcome: fail
      ends: 40%
      message: boom
    - Outcome: done
      cost: 3.5
      metrics: { Gate-I: 0.8 }
      gates: { gate-o: fail }
      spawn_candidates:
        - { title: Follow-up, touches: [src/x.ts], severity: high, needs_user_input: true, effort: 1, dedup: k }
      escalations: [Why?]
  T-AUTO-01: { outcome: timeout, ends: 2 }
people:
  review hours: 0.25
  answers: [{ task: T04, after: 1, text: yes }]
  commands: [{ at: 5, command: "/budget $100 spawn 3" }]
`,
      { file: "s.yaml", plan },
    );
    expect(result.diagnostics).toEqual([]);
    const scenario = result.scenario;
    expect(scenario?.tasks.T03?.[0]).toMatchObject({
      outcome: "fail",
      ends: "40%",
      message: "boom",
      spawn: [],
    });
    expect(scenario?.tasks.T03?.[1]).toMatchObject({
      outcome: "done",
      costUsd: 3.5,
      metrics: { "Gate-I": 0.8 },
      gates: { "gate-o": "fail" },
      spawn: [
        {
          title: "Follow-up",
          touches: ["src/x.ts"],
          severity: "high",
          needsUserInput: true,
          effortHours: 1,
          dedupKey: "k",
        },
      ],
      escalations: ["Why?"],
    });
    expect(scenario?.tasks["T-AUTO-01"]).toEqual([
      { outcome: "timeout", ends: 2, spawn: [], escalations: [] },
    ]);
    expect(scenario?.people).toEqual({
      reviewHours: 0.25,
      releaseForeground: true,
      answers: [{ task: "T04", after: 1, text: "yes" }],
      commands: [{ at: 5, command: { type: "set-budget", usd: 100, spawn: 3 } }],
    });
  });

  it("takes an empty file as a scenario where everything goes as estimated", () => {
    const result = parseScenario("# nothing\n", { file: "s.yaml", plan });
    expect(result.scenario).toEqual({
      tasks: {},
      people: { reviewHours: 0, releaseForeground: true, answers: [], commands: [] },
    });
  });

  it("reports wrong types at their lines", () => {
    expect(
      errors(`tasks:
  T03:
    - outcome: exploded
      ends: soon
people:
  review-hours: -1
  commands:
    - at: "5"
      command: /budget 10
`),
    ).toEqual([
      's.yaml:3: tasks.T03[0].outcome: Invalid option: expected one of "done"|"fail"|"timeout"|"needs-input"|"partial"',
      "s.yaml:4: tasks.T03[0].ends: ends must be hours after the start (1.5) or a share of the duration (50%)",
      "s.yaml:6: people.reviewHours: Too small: expected number to be >=0",
      "s.yaml:8: people.commands[0].at: Invalid input: expected number, received string",
    ]);
  });

  it("reports unknown keys, bad commands and a mapping where a list belongs", () => {
    expect(
      errors(`tasks:
  T03:
    outcom: done
people:
  answers: { task: T04 }
  commands:
    - { at: 1, command: /frobnicate }
    - { at: 2, command: /retry }
`),
    ).toEqual([
      's.yaml:3: tasks.T03[0]: unknown key "outcom"',
      "s.yaml:5: people.answers: Invalid input: expected array, received object",
      "s.yaml:7: people.commands[0].command: unknown command /frobnicate (one of /dispatch [T], /pause, /resume, /retry T, /cancel [T], /answer T text, /unlock T, /budget $N [spawn N])",
      "s.yaml:8: people.commands[1].command: /retry needs a task id",
    ]);
  });

  it("reports task ids, subtasks, checkpoints and gates the plan does not have", () => {
    const parent = makePlan([{ id: "P", subtasks: ["P1", "P2"] }, { id: "P1" }, { id: "P2" }], {
      file: "plan.yaml",
    });
    expect(
      errors(
        `tasks:
  T99: { outcome: fail }
  P1: { outcome: fail }
  P: { tasks-done: [P1, Q], gates: { Gate-Z: fail } }
people:
  answers: [{ task: T77, text: hi }]
  commands: [{ at: 1, command: /retry T88 }]
`,
        parent,
      ),
    ).toEqual([
      's.yaml:2: unknown task "T99" (the plan\'s tasks: P; spawned ones are T-AUTO-01 …)',
      "s.yaml:3: P1 is a subtask of P: outcomes are per dispatch unit (write P)",
      "s.yaml:4: Q is not a task of P (its tasks: P1, P2)",
      's.yaml:4: unknown gate "Gate-Z" (the plan has no gates)',
      's.yaml:6: unknown task "T77" (the plan\'s tasks: P; spawned ones are T-AUTO-01 …)',
      's.yaml:7: unknown task "T88" (the plan\'s tasks: P; spawned ones are T-AUTO-01 …)',
    ]);
  });

  it("refuses an answer timed both ways", () => {
    expect(errors("people: { answers: [{ task: T04, at: 1, after: 2, text: x }] }")).toEqual([
      "s.yaml:1: people.answers[0]: give at (hours from the start) or after (hours after the question), not both",
    ]);
  });
});
