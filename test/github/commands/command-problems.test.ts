import { describe, expect, it } from "vitest";
import { maxCommandLines, parseCommands } from "../../../src/github/commands/index.js";

const problemsOf = (body: string, taskIssue: string | null = null) => {
  const { commands, problems } = parseCommands(body, { taskIssue });
  expect(commands).toEqual([]);
  return problems;
};
const message = (body: string, taskIssue: string | null = null) => {
  const problems = problemsOf(body, taskIssue);
  expect(problems).toHaveLength(1);
  return problems[0]?.message ?? "";
};

describe("command problems", () => {
  it.each([
    ["/dispatchh", "dispatch"],
    ["/Dispatchh", "dispatch"],
    ["/dispach", "dispatch"],
    ["/canel", "cancel"],
    ["/plans", "plan"],
    ["/stauts", "status"],
    ["/unblock", "unlock"],
    ["/budgte", "budget"],
  ])("%s: did you mean /%s", (body, name) => {
    const [problem] = problemsOf(body);
    expect(problem).toMatchObject({ line: 1, command: name });
    expect(problem?.message).toContain(`did you mean \`/${name}\``);
  });

  it.each([
    "/ not a command",
    "/usr/bin/env node",
    "/usr bin",
    "/etc",
    "/cc @someone",
    "/lgtm",
    "/approve",
    "/me waves",
    "/dispatchingeverythingnowplease",
    "/",
    "//dispatch",
  ])("stays silent for a slash word that is not close to a command: %j", (body) => {
    expect(parseCommands(body, { taskIssue: null })).toEqual({ commands: [], problems: [] });
  });

  it.each([
    ["/retry", "/retry T04"],
    ["/unlock", "/unlock T04"],
    ["/answer", "/answer T04"],
    ["/answer T04", "/answer T04 use the v2 API"],
    ["/budget", "/budget 25"],
    ["/budget lots", "/budget 25"],
    ["/budget -5", "/budget 25"],
    ["/budget $-5", "/budget 25"],
    ["/budget 1,000", "/budget 25"],
    ["/budget 25 30", "/budget 25"],
    ["/budget 2000000", "/budget 25"],
    ["/budget spawn", "/budget spawn 10"],
    ["/budget spawn two", "/budget spawn 10"],
    ["/budget spawn 1.5", "/budget spawn 10"],
    ["/budget spawn 5000", "/budget spawn 10"],
    ["/pause now", "/pause"],
    ["/status please", "/status"],
    ["/dispatch T04 T05", "/dispatch T04"],
    ["/cancel T04 T05", "/cancel T04"],
    ["/retry T04 T05", "/retry T04"],
    ["/retry <b>T04</b>", "/retry T04"],
    ["/dispatch **T04**", "/dispatch T04"],
    ["/unlock ../../etc/passwd", "/unlock src/api/"],
    ["/unlock src/<b>.ts", "/unlock src/api/"],
  ])("%j names the command and says what to write", (body, write) => {
    const text = message(body);
    const name = body.split(/\s/)[0] as string;
    expect(text).toContain(`\`${name}`);
    expect(text).toContain(`\`${write}`);
  });

  it("asks for the answer itself on a task issue, with an example for that issue", () => {
    expect(message("/answer", "T04")).toContain("`/answer use the v2 API`");
    expect(message("/answer T04", "T04")).toContain("`/answer use the v2 API`");
  });

  it("refuses an answer longer than the engine keeps, rather than cutting it", () => {
    expect(message(`/answer T04 ${"word ".repeat(1000)}`)).toMatch(/at most 4,000 characters/);
  });

  it("reports each bad line and still runs the good ones, in order", () => {
    const { commands, problems } = parseCommands("/retry\n/pause\n/dispatchh T04\n/resume", {
      taskIssue: null,
    });
    expect(commands.map((command) => [command.line, command.name])).toEqual([
      [2, "pause"],
      [4, "resume"],
    ]);
    expect(problems.map((problem) => [problem.line, problem.command])).toEqual([
      [1, "retry"],
      [3, "dispatch"],
    ]);
  });

  it(`reads at most ${maxCommandLines} command lines and reports the rest once`, () => {
    const body = Array.from({ length: 30 }, (_, i) => `/dispatch T${i + 1}`).join("\n");
    const { commands, problems } = parseCommands(body, { taskIssue: null });
    expect(commands).toHaveLength(maxCommandLines);
    expect(commands.at(-1)).toMatchObject({ task: `T${maxCommandLines}` });
    expect(problems).toEqual([
      {
        line: maxCommandLines + 1,
        command: null,
        message: expect.stringMatching(/first 20 commands .* 10 more from line 21 on were ignored/),
      },
    ]);
  });

  it("counts problems against the cap too, so a reply stays short", () => {
    const body = Array.from({ length: 50 }, () => "/retry").join("\n");
    const { problems } = parseCommands(body, { taskIssue: null });
    expect(problems).toHaveLength(maxCommandLines + 1);
  });
});
