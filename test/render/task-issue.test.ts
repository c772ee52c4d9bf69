import { describe, expect, it } from "vitest";
import { renderTaskIssue, taskIssueTitle } from "../../src/render/task-issue.js";
import { parseTaskMarker } from "../../src/render/task-issue-marker.js";
import { headings, listItems, parse } from "./markdown-tree.js";
import { loginTasks, loginUnit, spawnedUnit, unitsOf } from "./task-issue-fixture.js";

function loginIssue() {
  return renderTaskIssue({
    track: 12,
    unit: loginUnit(),
    tasks: loginTasks.filter((task) => task.id.startsWith("T04")),
    prerequisites: [
      { unit: "T01", issue: 30, handoff: "The schema is in db/schema.sql.\nSessions expire after 1h." },
    ],
  });
}

describe("renderTaskIssue", () => {
  it("titles the issue `<id>: <title>`", () => {
    expect(loginIssue().title).toBe("T04: Login API");
  });

  it("lays the brief out in a fixed order, ending with the rules and the marker", () => {
    const { body } = loginIssue();
    expect(headings(parse(body))).toEqual([
      "### Goal",
      "### Acceptance criteria",
      "### Touches",
      "### Subtasks",
      "### Gates",
      "### Prerequisites",
      "### Rules",
    ]);
    expect(body.trimEnd().split("\n").slice(-2)).toEqual([
      "<!-- swarm-dispatch:task track=12 unit=T04 v1 -->",
      expect.stringMatching(/^<!-- swarm-dispatch:spec v1 \{"id":"T04",/),
    ]);
  });

  it("states role, model, effort, acceptance, touches and gates", () => {
    const items = listItems(parse(loginIssue().body));
    expect(items).toEqual(
      expect.arrayContaining([
        "Task: T04 of track 12, from the plan",
        "Role: backend",
        "Model: sonnet",
        "Effort: 3h estimated",
        "Concurrency: write-local",
        "POST /login answers 200 for a valid user",
        "Locked accounts get 423",
        "docs/api/login.md",
        "src/api/login.ts",
        "test/api/",
        "Gate-O",
      ]),
    );
  });

  it("lists the subtasks in order, each with its own routing and acceptance", () => {
    const { body } = loginIssue();
    const first = body.indexOf("1. **T04.1**: Handler (backend, sonnet, 2h (M))");
    const second = body.indexOf("2. **T04.2**: Tests (haiku, 1h (S))");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(body.indexOf("Handler validates the body")).toBeGreaterThan(first);
    expect(body.indexOf("Handler validates the body")).toBeLessThan(second);
    expect(body.indexOf("Covers the locked case")).toBeGreaterThan(second);
  });

  it("quotes each prerequisite's handoff note under it, and says when there is none", () => {
    const { body } = renderTaskIssue({
      track: "12",
      unit: loginUnit(),
      tasks: loginTasks,
      prerequisites: [
        { unit: "T01", issue: 30, handoff: "line one\n\nline two" },
        { unit: "T00", handoff: "" },
      ],
    });
    expect(body).toContain("- **T01** (#30): handoff note\n  > line one\n  >\n  > line two");
    expect(body).toContain("- **T00**: no handoff note");
  });

  it("says a unit with no prerequisites waits for none, and a read-only one changes no files", () => {
    const unit = unitsOf(loginTasks).get("T01");
    const readOnly = unitsOf(loginTasks).get("T05");
    if (!unit || !readOnly) throw new Error("fixture");
    expect(renderTaskIssue({ track: 1, unit, tasks: loginTasks, prerequisites: [] }).body).toContain(
      "None: this task waits for no other task.",
    );
    const body = renderTaskIssue({ track: 1, unit: readOnly, tasks: loginTasks, prerequisites: [] }).body;
    expect(body).toContain("None: this task changes no files (read-only).");
    expect(headings(parse(body))).not.toContain("### Subtasks");
  });

  it("renders a spawned unit from its spec alone", () => {
    const { title, body } = renderTaskIssue({ track: 7, unit: spawnedUnit(), tasks: [], prerequisites: [] });
    expect(title).toBe("T04-fix-1: Handle the empty password");
    expect(body).toContain("spawned from the report of T04");
    expect(body).toContain("Handle the empty password");
    expect(body).toContain("- **T04**: no handoff note");
    expect(parseTaskMarker(body)).toEqual({ track: "7", unit: "T04-fix-1" });
  });

  it("marks a unit that waits for a person", () => {
    const { body } = renderTaskIssue({
      track: 7,
      unit: spawnedUnit({ needsPerson: true, origin: { kind: "gate", gate: "Gate-I" } }),
      tasks: [],
      prerequisites: [],
    });
    expect(body).toContain("waits for a person");
    expect(body).toContain("to close a gap of gate Gate-I");
  });

  it("is deterministic", () => {
    expect(loginIssue()).toEqual(loginIssue());
  });

  it("refuses a track id that is not an issue number (a caller bug, not hostile input)", () => {
    expect(() => renderTaskIssue({ track: "abc", unit: loginUnit(), tasks: [], prerequisites: [] })).toThrow(
      RangeError,
    );
  });
});

describe("taskIssueTitle", () => {
  it("falls back to the id, flattens lines and stays within 256 characters", () => {
    expect(taskIssueTitle({ id: "T1", title: "  " })).toBe("T1");
    expect(taskIssueTitle({ id: "T1", title: "a\nb" })).toBe("T1: a b");
    const long = taskIssueTitle({ id: "T1", title: "y".repeat(65_536) });
    expect(long.length).toBe(256);
    expect(long.startsWith("T1: yyy")).toBe(true);
    expect(long.endsWith("…")).toBe(true);
  });
});
