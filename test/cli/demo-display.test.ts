// The demo's display and outputs without a session: notes in, words out; spans in, lanes and bars out.

import { describe, expect, it } from "vitest";
import { DemoBoard, plainLine, secondsText } from "../../src/cli/demo-board.js";
import { assignLanes, attemptStatuses, demoGanttInput } from "../../src/cli/demo-lanes.js";
import { type DemoRecord, demoOutputFiles, taskTitles } from "../../src/cli/demo-outputs.js";
import { startProgress, taskLine, terminalLines } from "../../src/cli/demo-progress.js";
import { appArgsFor, findPackageRoot, isSourceModule } from "../../src/cli/demo-root.js";
import { actionErrors, costText, failureText, summaryLines } from "../../src/cli/demo-summary.js";
import type { CliIo } from "../../src/cli/io.js";
import type { WorldIssue } from "../../src/fake-github/repo-world.js";
import type { RunSpan } from "../../src/fake-github/track/track-session.js";

const span = (
  task: string,
  attempt: number,
  startMs: number,
  endMs: number | null,
  conclusion = "success",
) => ({
  task,
  attempt,
  startMs,
  endMs,
  conclusion: endMs === null ? null : conclusion,
});

describe("assignLanes", () => {
  it("puts overlapping attempts on different lanes and reuses a lane once it is free", () => {
    const laned = assignLanes(
      [
        span("T04", 1, 5000, 9000),
        span("T03", 1, 1000, 4000),
        span("T05", 1, 5500, 7000),
        span("T06", 1, 9000, 12000),
      ],
      20_000,
    );
    expect(laned.map((entry) => [entry.span.task, entry.lane, entry.start, entry.end])).toEqual([
      ["T03", 1, 1, 4],
      ["T04", 1, 5, 9],
      ["T05", 2, 5.5, 7],
      ["T06", 1, 9, 12],
    ]);
  });

  it("ends an unfinished attempt at the end of the session", () => {
    const [entry] = assignLanes([span("T03", 1, 1000, null)], 8000);
    expect(entry).toMatchObject({ lane: 1, start: 1, end: 8 });
  });

  it("needs as many lanes as attempts run at once", () => {
    const spans = [0, 1, 2].map((index) => span(`T0${index}`, 1, index * 100, 5000));
    expect(new Set(assignLanes(spans, 5000).map((entry) => entry.lane))).toEqual(new Set([1, 2, 3]));
  });
});

describe("the Gantt chart's input", () => {
  const spans: RunSpan[] = [
    span("T05", 1, 1000, 3000),
    span("T05", 2, 6000, 8000),
    span("T04", 1, 1000, 4000, "failure"),
    span("T06", 1, 9000, null),
  ];

  it("marks each task's last attempt done only when it succeeded", () => {
    expect(attemptStatuses(spans)).toEqual(
      new Map([
        ["T05", "done"],
        ["T04", "failed"],
        ["T06", "cancelled"],
      ]),
    );
  });

  it("has one entry per attempt, in seconds, with the title", () => {
    const input = demoGanttInput(spans, 10_000, "Demo — x");
    expect(input.entries).toHaveLength(4);
    expect(input.makespan).toBe(10);
    expect(input.title).toBe("Demo — x");
    expect(input.entries.filter((entry) => entry.id === "T05").map((entry) => entry.start)).toEqual([1, 6]);
  });
});

describe("the board", () => {
  it("turns notes into lines and a task's state", () => {
    const board = new DemoBoard([
      { id: "T02", done: true },
      { id: "T04", done: false },
    ]);
    expect(board.apply({ kind: "track", state: "opened" })).toBe("track issue opened");
    expect(board.apply({ kind: "run", task: "T04", attempt: 1, state: "queued", conclusion: null })).toBe(
      "T04 attempt 1 dispatched",
    );
    expect(board.apply({ kind: "pull", task: "T04", number: 10, state: "opened" })).toBe("T04 PR #10 opened");
    expect(board.apply({ kind: "check", task: "T04", name: "test", conclusion: "success" })).toBeNull();
    expect(board.apply({ kind: "check", task: "T04", name: "test", conclusion: "failure" })).toBe(
      "T04 check test failed (failure)",
    );
    const row = board.rows.find((candidate) => candidate.id === "T04");
    if (!row) throw new Error("no T04 row");
    expect(DemoBoard.stateOf(row)).toBe("checks failing: test");
    expect(board.apply({ kind: "check", task: "T04", name: "test", conclusion: "success" })).toBe(
      "T04 check test passes now",
    );
    expect(board.apply({ kind: "pull", task: "T04", number: 10, state: "merged" })).toBe("T04 PR #10 merged");
    board.apply({ kind: "run", task: "T04", attempt: 1, state: "completed", conclusion: "success" });
    expect(DemoBoard.stateOf(row)).toBe("merged");
    board.apply({ kind: "track", state: "closed" });
    expect(board.rows.map((candidate) => [candidate.id, candidate.state])).toEqual([
      ["T02", "done"],
      ["T04", "done"],
    ]);
  });

  it("adds a spawned task and notices a task waiting for a person", () => {
    const board = new DemoBoard();
    board.apply({ kind: "run", task: "T05", attempt: 1, state: "in_progress", conclusion: null });
    expect(
      board.apply({
        kind: "comment",
        issue: 6,
        by: "swarm-dispatch[bot]",
        firstLine: "**T05 waits for a person.**",
      }),
    ).toBe("#6 @swarm-dispatch[bot]: T05 waits for a person.");
    expect(board.rows[0]?.state).toBe("waits for a person");
  });

  it("formats task lines in fixed columns and times with one decimal", () => {
    const row = { id: "T04", attempt: 2, pr: 10, state: "PR #10 updated", failing: [], merged: false };
    expect(taskLine(row, 9)).toBe("  T04        attempt 2  PR #10   PR #10 updated");
    expect(secondsText(12_345)).toBe("12.3s");
    expect(plainLine("## Swarm Dispatch: the track is **complete**")).toBe(
      "Swarm Dispatch: the track is complete",
    );
    expect(plainLine("x".repeat(300))).toHaveLength(140);
  });
});

function capture(): { io: CliIo; out: () => string } {
  let text = "";
  const io: CliIo = {
    stdout: (chunk) => {
      text += chunk;
    },
    stderr: () => {},
    readFile: async () => "",
    writeFile: async () => {},
  };
  return { io, out: () => text };
}

describe("the live display", () => {
  it("prints one plain line per event when not in a terminal", () => {
    const { io, out } = capture();
    const progress = startProgress(new DemoBoard(), io, { title: "Demo", elapsed: () => 12_345, tty: false });
    progress.note({ kind: "pull", task: "T04", number: 10, state: "opened" });
    progress.note({ kind: "check", task: "T04", name: "swarm/locks", conclusion: "success" });
    progress.stop();
    expect(out()).toBe(" 12.3s T04 PR #10 opened\n");
    expect(out()).not.toContain("\x1b");
  });

  it("redraws the same lines in place in a terminal", () => {
    const { io, out } = capture();
    const progress = startProgress(new DemoBoard([{ id: "T03", done: false }]), io, {
      title: "Demo",
      elapsed: () => 3_000,
      tty: true,
      columns: 80,
    });
    progress.note({ kind: "run", task: "T03", attempt: 1, state: "queued", conclusion: null });
    progress.stop();
    const frames = out().split("\x1b[J");
    // header, one task, a blank line, three recent events: each later frame first moves up over them.
    expect(frames[1]?.startsWith("\x1b[6A")).toBe(true);
    expect(out()).toContain("Demo · 3s · starting the app");
    expect(out()).toContain(`  T03   attempt 1 ${" ".repeat(9)} queued\x1b[K`);
  });

  it("lays out the terminal view: header, tasks, blank, recent events", () => {
    const board = new DemoBoard([{ id: "T-AUTO-01", done: false }]);
    board.track = "open";
    expect(terminalLines(board, "Demo", 61_900, ["1.0s track issue opened"], 2)).toEqual([
      "Demo · 61s · track open",
      `  T-AUTO-01${" ".repeat(22)}waiting`,
      "",
      "1.0s track issue opened",
      "",
    ]);
  });
});

const issue = (number: number, title: string, extra: Partial<WorldIssue> = {}): WorldIssue => ({
  number,
  id: number + 1000,
  title,
  body: "",
  state: "open",
  stateReason: null,
  labels: [],
  user: { login: "swarm-dispatch[bot]", type: "Bot" },
  comments: [],
  subIssues: [],
  blockedBy: [],
  ...extra,
});

describe("the outputs and the summary", () => {
  const bot = { login: "swarm-dispatch[bot]", type: "Bot" as const };
  const record: DemoRecord = {
    outcome: "closed",
    elapsedMs: 30_000,
    track: issue(1, "Track: demo", {
      user: { login: "mona", type: "User" },
      comments: [
        {
          id: 1,
          body: "## Swarm Dispatch dashboard\n\n- **Spent:** $7.00 of $30.00 (23 %)",
          user: bot,
          reactions: [],
        },
        {
          id: 2,
          body: "## Swarm Dispatch dashboard — by a person",
          user: { login: "eve", type: "User" },
          reactions: [],
        },
        {
          id: 3,
          body: "## Swarm Dispatch: the track is complete\n\n- **Cost:** $7.00 of $30.00",
          user: bot,
          reactions: [],
        },
      ],
    }),
    taskIssues: [
      issue(2, "T03: Implement cache service", { state: "closed", stateReason: "completed" }),
      issue(3, "T04: Natal"),
    ],
    pulls: [],
    dispatches: ["T03/1", "T04/1"],
    spans: [span("T03", 1, 2000, 9000), span("T04", 1, 10_000, 20_000)],
  };

  it("writes the app's own comments, a chart and a timeline", () => {
    const files = new Map(demoOutputFiles(record, "demo").map((file) => [file.name, file.text]));
    expect([...files.keys()]).toEqual(["dashboard.md", "final-report.md", "gantt.svg", "timeline.md"]);
    expect(files.get("dashboard.md")).toBe(
      "## Swarm Dispatch dashboard\n\n- **Spent:** $7.00 of $30.00 (23 %)\n",
    );
    expect(files.get("gantt.svg")).toContain("<title>Demo — demo</title>");
    expect(files.get("timeline.md")).toContain("1. T03 attempt 1\n2. T04 attempt 1");
    expect(files.get("timeline.md")).toContain("| T04 | 1 | 1 | 10.0 | 20.0 | 10.0 | success |");
  });

  it("leaves out a report the app never posted", () => {
    const names = demoOutputFiles({ ...record, track: issue(1, "Track", { comments: [] }) }, "demo").map(
      (file) => file.name,
    );
    expect(names).toEqual(["gantt.svg", "timeline.md"]);
  });

  it("sums up outcome, tasks, cost and paths", () => {
    expect(taskTitles(record.taskIssues).get("T03")).toBe("Implement cache service");
    expect(costText(record)).toBe("$7.00 of $30.00");
    expect(summaryLines(record, ["out/gantt.svg"])).toEqual([
      "Outcome: the track closed (issue #1)",
      "Elapsed: 30.0 s",
      "Tasks done: 1 of 2 task issues closed",
      "Pull requests merged: 0 of 0",
      "Cost: $7.00 of $30.00",
      "Written:",
      "  out/gantt.svg",
    ]);
  });
});

describe("a track that did not close", () => {
  it("says why: the app's last word, the failed runs' errors, the app's output and the kept folder", () => {
    const bot = { login: "swarm-dispatch[bot]", type: "Bot" as const };
    const text = failureText({
      record: {
        outcome: "stuck",
        elapsedMs: 40_000,
        track: issue(1, "Track", {
          comments: [
            { id: 1, body: "## Swarm Dispatch dashboard\n", user: bot, reactions: [] },
            { id: 2, body: "Budget warning: $24.00 of $30.00 spent.\nmore", user: bot, reactions: [] },
          ],
        }),
        taskIssues: [],
        pulls: [],
        dispatches: [],
        spans: [],
      },
      appOutput: "one\ntwo\nthree\n",
      runs: [
        { run: { inputs: { task: "T03", attempt: "1" } }, exitCode: 0, output: "" },
        {
          run: { inputs: { task: "T05", attempt: "2" } },
          exitCode: 1,
          output: "Running\n::error::Command failed: git push%0ATo repo.git%0A ! [rejected]%0Ahint: x\n",
        },
      ],
      workDir: "/tmp/w",
      appLines: 2,
    });
    expect(text).toBe(
      [
        "swarm-dispatch demo: the track did not close: stuck: nothing happened for 5 s and the track is still open.",
        "The app's last word on the track: Budget warning: $24.00 of $30.00 spent.",
        "T05 attempt 2: the Action exited 1",
        "  Command failed: git push",
        "  To repo.git",
        "   ! [rejected]",
        "The app's last 2 lines of output:",
        "two",
        "three",
        "The work folder (the fake's repository, each run's files) is kept: /tmp/w",
        "",
      ].join("\n"),
    );
    expect(actionErrors("::error file=a.ts::bad%25 thing\n::warning::no")).toEqual(["bad% thing"]);
  });
});

describe("where the demo runs from", () => {
  it("finds this package's root above a module and starts the app from the same tree", () => {
    const root = findPackageRoot(import.meta.url);
    expect(root).toBe(process.cwd());
    expect(isSourceModule(import.meta.url)).toBe(true);
    expect(isSourceModule("file:///x/build/cli/demo-command.js")).toBe(false);
    expect(appArgsFor("/nowhere", false)).toEqual(["--import", "tsx", "/nowhere/src/github/start/main.ts"]);
    expect(appArgsFor(process.cwd(), true)[0]).toBe("--import");
    expect(findPackageRoot("file:///")).toBeNull();
  });
});
