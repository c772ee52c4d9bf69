// A valid scenario may still name things the plan does not have: a task id, a subtask where outcomes are per
// dispatch unit, a gate. Each is an error at its line, so a typo never silently turns into "nothing happens".

import { dispatchUnits } from "../engine/units.js";
import type { Diagnostics } from "../plan/diagnostics.js";
import type { Plan } from "../plan/model.js";
import { lineOfPath } from "./scenario-paths.js";
import type { Scenario } from "./scenario-schema.js";

/** Ids the engine gives spawned units (T-AUTO-01 …): they exist only once the run spawns them. */
const spawnedId = /^T-AUTO-\d{2,}$/;

export function checkScenario(
  scenario: Scenario,
  plan: Plan,
  lines: ReadonlyMap<string, number>,
  diag: Diagnostics,
): void {
  const units = dispatchUnits(plan);
  const unitIds = new Set(units.map((unit) => unit.id));
  const unitOfTask = new Map<string, string>();
  for (const unit of units)
    for (const task of unit.taskIds) if (!unitOfTask.has(task)) unitOfTask.set(task, unit.id);
  const gates = new Set(plan.gates.map((gate) => gate.name.toLowerCase()));
  const at = (path: PropertyKey[]) => lineOfPath(lines, path);
  const known = [...unitIds].slice(0, 10).join(", ") + (unitIds.size > 10 ? ", …" : "");

  const checkTask = (task: string, path: PropertyKey[], unitOnly: boolean): void => {
    if (unitIds.has(task) || spawnedId.test(task)) return;
    const unit = unitOfTask.get(task);
    if (unit !== undefined && !unitOnly) return;
    if (unit !== undefined)
      diag.error(
        at(path),
        `${task} is a subtask of ${unit}: outcomes are per dispatch unit`,
        `write ${unit}`,
      );
    else
      diag.error(
        at(path),
        `unknown task "${task}"`,
        `the plan's tasks: ${known}; spawned ones are T-AUTO-01 …`,
      );
  };

  for (const [task, attempts] of Object.entries(scenario.tasks)) {
    checkTask(task, ["tasks", task], true);
    const own = units.find((unit) => unit.id === task)?.taskIds ?? [task];
    attempts.forEach((attempt, k) => {
      attempt.tasksDone?.forEach((done, j) => {
        if (!own.includes(done))
          diag.error(
            at(["tasks", task, k, "tasksDone", j]),
            `${done} is not a task of ${task}`,
            `its tasks: ${own.join(", ")}`,
          );
      });
      for (const gate of Object.keys(attempt.gates ?? {})) {
        if (!gates.has(gate.toLowerCase()))
          diag.error(
            at(["tasks", task, k, "gates", gate]),
            `unknown gate "${gate}"`,
            plan.gates.length > 0
              ? `the plan's gates: ${plan.gates.map((g) => g.name).join(", ")}`
              : "the plan has no gates",
          );
      }
    });
  }
  scenario.people.answers.forEach((answer, k) => {
    checkTask(answer.task, ["people", "answers", k, "task"], false);
  });
  scenario.people.commands.forEach((entry, k) => {
    const command = entry.command;
    if ("task" in command && command.task !== null && command.type !== "answer")
      checkTask(command.task, ["people", "commands", k, "command"], false);
    if (command.type === "answer") checkTask(command.task, ["people", "commands", k, "command"], false);
  });
}
