import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispatchUnits, unitOf } from "../../src/engine/units.js";
import type { TaskStatus } from "../../src/plan/model.js";
import { makePlan, type TaskSpec } from "../support/make-plan.js";
import { planSpecsArb } from "./arbitraries.js";

// The swarm-iosm demo track's shape: two finished setup tasks, then T03 → T04 and T05 → T06.
const demo = makePlan([
  { id: "T01", status: "done", touches: ["docs/"] },
  { id: "T02", deps: ["T01"], status: "done", touches: ["backend/core/"] },
  { id: "T03", deps: ["T02"], hours: 3, touches: ["backend/core/cache.py", "backend/core/__init__.py"] },
  { id: "T04", deps: ["T03"], touches: ["backend/api/natal.py", "tests/test_natal.py"] },
  { id: "T05", deps: ["T03"], touches: ["backend/api/transits.py", "tests/test_transits.py"] },
  { id: "T06", deps: ["T04", "T05"], touches: ["tests/integration/", "test_results.xml"] },
]);

describe("dispatchUnits", () => {
  it("makes every standalone task a unit of one, in plan order", () => {
    const units = dispatchUnits(demo);
    expect(units.map((u) => [u.id, u.taskIds, u.deps, u.status, u.order])).toEqual([
      ["T01", ["T01"], [], "done", 0],
      ["T02", ["T02"], ["T01"], "done", 1],
      ["T03", ["T03"], ["T02"], "todo", 2],
      ["T04", ["T04"], ["T03"], "todo", 3],
      ["T05", ["T05"], ["T03"], "todo", 4],
      ["T06", ["T06"], ["T04", "T05"], "todo", 5],
    ]);
    expect(units[2]).toMatchObject({
      hours: 3,
      touches: ["backend/core/cache.py", "backend/core/__init__.py"],
    });
    expect(units[0]).toMatchObject({ hours: 0, costUsd: 0 });
  });

  describe("a parent with subtasks, one of them done", () => {
    const plan = makePlan([
      { id: "1", touches: ["src/spec_parser.py"], hours: 99, subtasks: ["1.1", "1.2"] },
      { id: "1.1", status: "done", hours: 1, touches: ["src/spec_parser.py"], costUsd: 1 },
      { id: "1.2", deps: ["1.1"], hours: 2, touches: ["tests/test_spec.py"], costUsd: 2 },
      { id: "2", mode: "foreground", subtasks: ["2.2", "2.1"] },
      { id: "2.1", deps: ["1.2"], hours: 0.5, concurrency: "read-only", costUsd: 0.5 },
      { id: "2.2", deps: ["2.1", "9"], hours: 1.5, touches: ["pyproject.toml"], concurrency: "write-shared" },
      { id: "3", deps: ["2.2", "1"], hours: 1, costUsd: 3, touches: ["tests/test_spec.py"] },
    ]);
    const units = dispatchUnits(plan);

    it("dispatches only parents and standalone tasks, with subtasks in the parent's order", () => {
      expect(units.map((u) => [u.id, u.taskIds])).toEqual([
        ["1", ["1.1", "1.2"]],
        ["2", ["2.2", "2.1"]],
        ["3", ["3"]],
      ]);
    });

    it("counts only the work left in its subtasks, not the parent's own estimate", () => {
      expect(units[0]).toMatchObject({ hours: 2, costUsd: 2, status: "doing" });
    });

    it("maps dependencies on subtasks to their units, dropping its own and unknown ones", () => {
      expect(units.map((u) => u.deps)).toEqual([[], ["1"], ["2", "1"]]);
    });

    it("takes the union of touches, the strongest class and foreground from any task", () => {
      expect(units[0]?.touches).toEqual(["src/spec_parser.py", "tests/test_spec.py"]);
      expect(units[1]).toMatchObject({
        concurrency: "write-shared",
        mode: "foreground",
        touches: ["pyproject.toml"],
      });
      expect(units[2]).toMatchObject({ concurrency: "write-local", mode: "background" });
    });

    it("maps every task to its unit", () => {
      expect([...unitOf(plan)]).toEqual([
        ["1", "1"],
        ["1.1", "1"],
        ["1.2", "1"],
        ["2", "2"],
        ["2.1", "2"],
        ["2.2", "2"],
        ["3", "3"],
      ]);
    });
  });

  it("derives a parent's status from its subtasks alone", () => {
    const statusOf = (parent: TaskStatus, subtasks: TaskStatus[]) =>
      dispatchUnits(
        makePlan([
          { id: "P", status: parent, subtasks: subtasks.map((_, i) => `P.${i}`) },
          ...subtasks.map((status, i) => ({ id: `P.${i}`, status })),
        ]),
      )[0]?.status;
    expect(statusOf("todo", ["done", "done"])).toBe("done");
    expect(statusOf("done", ["done", "todo"])).toBe("doing");
    expect(statusOf("done", ["todo", "todo"])).toBe("todo");
    expect(statusOf("todo", ["doing", "todo"])).toBe("doing");
  });

  it("still gives every task one unit when parent links are broken", () => {
    const plan = makePlan([
      { id: "A", parent: "B" },
      { id: "B", parent: "A" },
      { id: "C", parent: "missing" },
      { id: "D", parent: "C", subtasks: ["E"] },
      { id: "E" },
    ]);
    const owner = unitOf(plan);
    expect([...owner.values()]).toEqual(["A", "A", "C", "C", "C"]);
    expect(dispatchUnits(plan).map((u) => [u.id, u.taskIds])).toEqual([
      ["A", ["B"]],
      ["C", ["D", "E"]],
    ]);
  });

  it("follows seed 003's rules for any plan of parents, subtasks and standalone tasks", () => {
    const shape = fc.array(
      fc.record({
        subtasks: fc.array(fc.record({ status: fc.constantFrom<TaskStatus>("todo", "doing", "done") }), {
          maxLength: 4,
        }),
        status: fc.constantFrom<TaskStatus>("todo", "doing", "done"),
        depPicks: fc.array(fc.nat(), { maxLength: 3 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(shape, (tops) => {
        const specs: TaskSpec[] = [];
        tops.forEach((top, i) => {
          const subtaskIds = top.subtasks.map((_, k) => `${i}.${k}`);
          const earlier = specs.map((spec) => spec.id);
          const deps =
            earlier.length === 0 ? [] : top.depPicks.map((pick) => earlier[pick % earlier.length] as string);
          specs.push({ id: `${i}`, status: top.status, subtasks: subtaskIds, deps: [...new Set(deps)] });
          top.subtasks.forEach((sub, k) => {
            specs.push({ id: `${i}.${k}`, status: sub.status, deps: k > 0 ? [`${i}.${k - 1}`] : [] });
          });
        });
        const plan = makePlan(specs);
        const units = dispatchUnits(plan);
        const byId = new Map(plan.tasks.map((task) => [task.id, task]));
        // Only parents and standalone tasks are units; leaf subtasks never.
        expect(units.map((u) => u.id)).toEqual(plan.tasks.filter((t) => t.parent === null).map((t) => t.id));
        // Every task belongs to exactly one unit.
        const owners = new Map<string, string[]>();
        for (const unit of units) {
          const members = unit.taskIds[0] === unit.id ? unit.taskIds : [unit.id, ...unit.taskIds];
          for (const id of members) owners.set(id, [...(owners.get(id) ?? []), unit.id]);
        }
        expect([...owners.keys()].sort()).toEqual(plan.tasks.map((t) => t.id).sort());
        expect([...owners.values()].every((list) => list.length === 1)).toBe(true);
        // A parent is done iff all its subtasks are done.
        for (const unit of units) {
          const head = byId.get(unit.id);
          if (!head || head.subtasks.length === 0) continue;
          const allDone = head.subtasks.every((id) => byId.get(id)?.status === "done");
          expect(unit.status === "done").toBe(allDone);
        }
        // A unit never waits for itself, and waits only for units.
        const ids = new Set(units.map((u) => u.id));
        for (const unit of units)
          expect(unit.deps.every((dep) => dep !== unit.id && ids.has(dep))).toBe(true);
      }),
    );
  });
});

describe("dispatchUnits on plans without subtasks", () => {
  it("gives each task the unit the general rules give it", () => {
    // The same tasks plus an unrelated parent and subtask at the end take the general path.
    const duplicates = fc.array(fc.constantFrom("T0", "T1", "T2"), { maxLength: 2 });
    fc.assert(
      fc.property(planSpecsArb(), duplicates, (specs, extraIds) => {
        const flat = specs.map(({ subtasks: _, ...spec }) => spec);
        // Repeated ids and repeated touches or deps must be handled alike too.
        const tasks: TaskSpec[] = [
          ...flat,
          ...extraIds.map((id) => ({ id, deps: [id], touches: ["src/a.ts", "src/a.ts"] })),
        ];
        const alone = dispatchUnits(makePlan(tasks));
        const general = dispatchUnits(
          makePlan([...tasks, { id: "~parent", subtasks: ["~child"] }, { id: "~child", deps: ["T0"] }]),
        );
        expect(alone).toEqual(general.slice(0, -1));
      }),
      { numRuns: 300 },
    );
  });
});
