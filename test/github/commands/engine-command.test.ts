import { describe, expect, it } from "vitest";
import type { TrackState } from "../../../src/engine/track/state.js";
import {
  commandHelp,
  commandNames,
  engineCommandOf,
  type ParsedCommand,
  parseCommands,
  requiredPermission,
  taskHoldingPath,
} from "../../../src/github/commands/index.js";

const parsed = (body: string, taskIssue: string | null = null): ParsedCommand => {
  const { commands } = parseCommands(body, { taskIssue });
  expect(commands).toHaveLength(1);
  return commands[0] as ParsedCommand;
};

describe("engineCommandOf", () => {
  it.each([
    ["/dispatch", { type: "dispatch", task: null }],
    ["/dispatch T04", { type: "dispatch", task: "T04" }],
    ["/resume", { type: "resume" }],
    ["/pause", { type: "pause" }],
    ["/retry T04", { type: "retry", task: "T04" }],
    ["/cancel", { type: "cancel", task: null }],
    ["/cancel T04", { type: "cancel", task: "T04" }],
    ["/answer T04 yes", { type: "answer", task: "T04", text: "yes" }],
    ["/unlock T04", { type: "unlock", task: "T04" }],
    ["/budget $25", { type: "set-budget", usd: 25, spawn: null }],
    ["/budget spawn 4", { type: "set-budget", usd: null, spawn: 4 }],
  ])("%s", (body, command) => {
    expect(engineCommandOf(parsed(body))).toEqual(command);
  });

  it("leaves /status and /plan to the caller", () => {
    expect(engineCommandOf(parsed("/status"))).toBeNull();
    expect(engineCommandOf(parsed("/plan"))).toBeNull();
  });

  it("maps escalations and paths to tasks only through the resolver", () => {
    const resolver = {
      taskOfEscalation: (id: string) => (id === "E-01" ? "T07" : null),
      taskHoldingPath: (path: string) => (path.startsWith("src/api") ? "T03" : null),
    };
    expect(engineCommandOf(parsed("/answer E-01 no"))).toBeNull();
    expect(engineCommandOf(parsed("/answer E-01 no"), resolver)).toEqual({
      type: "answer",
      task: "T07",
      text: "no",
    });
    expect(engineCommandOf(parsed("/answer E-09 no"), resolver)).toBeNull();
    expect(engineCommandOf(parsed("/answer E-09 no", "T04"), resolver)).toEqual({
      type: "answer",
      task: "T04",
      text: "no",
    });
    expect(engineCommandOf(parsed("/unlock src/api/x.ts"))).toBeNull();
    expect(engineCommandOf(parsed("/unlock src/api/x.ts"), resolver)).toEqual({
      type: "unlock",
      task: "T03",
    });
    expect(engineCommandOf(parsed("/unlock docs/"), resolver)).toBeNull();
  });
});

describe("requiredPermission and commandHelp", () => {
  it("needs maintain for unlock and budget, write for the rest", () => {
    const maintain = commandNames.filter((name) => requiredPermission({ name }) === "maintain");
    expect(maintain).toEqual(["unlock", "budget"]);
  });

  it("lists every command with who may use it, in a table GitHub can render", () => {
    const help = commandHelp();
    for (const name of commandNames) expect(help).toContain(`\`/${name}`);
    const rows = help.split("\n").filter((line) => line.startsWith("| `/"));
    expect(rows).toHaveLength(commandNames.length);
    for (const row of rows) expect(row.split("|")).toHaveLength(5);
    expect(rows.find((row) => row.includes("/unlock"))).toMatch(/maintain or admin \|$/);
    expect(rows.find((row) => row.includes("/status"))).toMatch(/\| write \|$/);
  });
});

describe("taskHoldingPath", () => {
  const lock = (touches: string[]) => ({ lock: { touches, concurrency: "write-local" as const } });
  const track = {
    runs: { T01: { lock: null }, T02: lock(["src/api/"]), T03: lock(["docs/*.md"]) },
  } as unknown as Pick<TrackState, "runs">;

  it("finds the task whose lock covers a file, a folder or a glob match", () => {
    expect(taskHoldingPath(track, "src/api/users.ts")).toBe("T02");
    expect(taskHoldingPath(track, "src/api/")).toBe("T02");
    expect(taskHoldingPath(track, "docs/intro.md")).toBe("T03");
    expect(taskHoldingPath(track, "src/web/app.ts")).toBeNull();
  });
});
