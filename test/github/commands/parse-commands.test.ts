import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/github/commands/index.js";

const onTrack = (body: string) => parseCommands(body, { taskIssue: null });
const onTask = (body: string, task = "T04") => parseCommands(body, { taskIssue: task });
const only = (body: string, taskIssue: string | null = null) => {
  const { commands, problems } = parseCommands(body, { taskIssue });
  expect(problems).toEqual([]);
  expect(commands).toHaveLength(1);
  const [command] = commands;
  const { line: _line, ...rest } = command as NonNullable<typeof command>;
  return rest;
};

describe("parseCommands: every command and form", () => {
  it.each([
    ["/dispatch", { name: "dispatch", task: null }],
    ["/dispatch T04", { name: "dispatch", task: "T04" }],
    ["/resume", { name: "resume" }],
    ["/pause", { name: "pause" }],
    ["/status", { name: "status" }],
    ["/plan", { name: "plan" }],
    ["/retry T04", { name: "retry", task: "T04" }],
    ["/cancel", { name: "cancel", task: null }],
    ["/cancel T04", { name: "cancel", task: "T04" }],
    ["/answer T04 use the v2 API", { name: "answer", task: "T04", escalation: null, text: "use the v2 API" }],
    ["/answer E-01 yes, drop it", { name: "answer", task: null, escalation: "E-01", text: "yes, drop it" }],
    ["/unlock T04", { name: "unlock", task: "T04", path: null }],
    ["/unlock src/api/", { name: "unlock", task: null, path: "src/api/" }],
    ["/unlock path/to/file.ts", { name: "unlock", task: null, path: "path/to/file.ts" }],
    ["/unlock README.md", { name: "unlock", task: null, path: "README.md" }],
    ["/unlock ./src/a.ts", { name: "unlock", task: null, path: "src/a.ts" }],
    ["/unlock T04.1", { name: "unlock", task: "T04.1", path: null }],
    ["/budget 25", { name: "budget", usd: 25, spawn: null }],
    ["/budget $25", { name: "budget", usd: 25, spawn: null }],
    ["/budget 25.50", { name: "budget", usd: 25.5, spawn: null }],
    ["/budget 0", { name: "budget", usd: 0, spawn: null }],
    ["/budget spawn 10", { name: "budget", usd: null, spawn: 10 }],
    ["/budget $40 spawn 3", { name: "budget", usd: 40, spawn: 3 }],
    ["/budget SPAWN 3 12.5", { name: "budget", usd: 12.5, spawn: 3 }],
  ])("reads %j", (body, expected) => {
    expect(only(body)).toEqual(expected);
  });

  it("reads command names in any case and keeps the arguments' case", () => {
    expect(only("/Dispatch t04-Api")).toEqual({ name: "dispatch", task: "t04-Api" });
    expect(only("/RETRY Auth_Login")).toEqual({ name: "retry", task: "Auth_Login" });
  });

  it("accepts a task id written as inline code, and leading spaces or tabs", () => {
    expect(only("/retry `T04`")).toEqual({ name: "retry", task: "T04" });
    expect(only("   /pause")).toEqual({ name: "pause" });
    expect(only("text\n\t/pause")).toEqual({ name: "pause" });
  });

  it("returns every command of a comment, in order, with its line", () => {
    const { commands, problems } = onTrack("Raising the budget.\n\n/budget 50\n/resume\n\nthanks\n\n/status");
    expect(problems).toEqual([]);
    expect(commands).toEqual([
      { name: "budget", usd: 50, spawn: null, line: 3 },
      { name: "resume", line: 4 },
      { name: "status", line: 8 },
    ]);
  });

  it("counts lines the way GitHub sends them: CR LF and lone CR are line breaks", () => {
    expect(onTrack("hi\r\n\r\n/pause\r/resume").commands).toEqual([
      { name: "pause", line: 3 },
      { name: "resume", line: 4 },
    ]);
  });

  it("reads a command inside a list item's continuation, but not a bullet line (it starts with -)", () => {
    expect(onTrack("- /cancel\n- notes\n  /cancel T1").commands).toEqual([
      { name: "cancel", task: "T1", line: 3 },
    ]);
  });
});

describe("/answer", () => {
  it("continues over the following lines of its paragraph, up to the next command", () => {
    const { commands } = onTrack(
      "/answer T04 Use the v2 API,\nnot `v1`.\n/pause\nleft alone\n\nnew paragraph",
    );
    expect(commands).toEqual([
      { name: "answer", task: "T04", escalation: null, text: "Use the v2 API,\nnot `v1`.", line: 1 },
      { name: "pause", line: 3 },
    ]);
  });

  it("stops at the paragraph's end: a blank line ends the answer", () => {
    expect(only("/answer T04 yes\n\nSent from my phone")).toMatchObject({ text: "yes" });
  });

  it("keeps slash words that are not commands as part of the answer", () => {
    expect(only("/answer T04 install it in\n/usr/local/bin")).toMatchObject({
      text: "install it in\n/usr/local/bin",
    });
  });

  it("may start on the next line", () => {
    expect(only("/answer T04\nyes, go ahead")).toMatchObject({ task: "T04", text: "yes, go ahead" });
  });

  it("keeps markdown as written", () => {
    expect(only("/answer T04 see **this** and [docs](https://x.y) <b>now</b>")).toMatchObject({
      text: "see **this** and [docs](https://x.y) <b>now</b>",
    });
  });

  it("on a task issue, may leave out the id; the first word is an id only when it is that task's or an escalation's", () => {
    expect(only("/answer yes, use Postgres", "T04")).toEqual({
      name: "answer",
      task: "T04",
      escalation: null,
      text: "yes, use Postgres",
    });
    expect(only("/answer T04 yes", "T04")).toMatchObject({ task: "T04", text: "yes" });
    expect(only("/answer t04 yes", "T04")).toMatchObject({ task: "T04", text: "yes" });
    expect(only("/answer T05 is done first", "T04")).toMatchObject({
      task: "T04",
      text: "T05 is done first",
    });
    expect(only("/answer E-2 no", "T04")).toEqual({
      name: "answer",
      task: "T04",
      escalation: "E-2",
      text: "no",
    });
  });
});

describe("on a task issue, a command that takes a task and names none means that task", () => {
  it.each([
    ["/dispatch", { name: "dispatch", task: "T04" }],
    ["/cancel", { name: "cancel", task: "T04" }],
    ["/retry", { name: "retry", task: "T04" }],
    ["/unlock", { name: "unlock", task: "T04", path: null }],
  ])("%s", (body, expected) => {
    expect(only(body, "T04")).toEqual(expected);
  });

  it("still lets a command name another task, and track commands stay track commands", () => {
    expect(only("/retry T05", "T04")).toEqual({ name: "retry", task: "T05" });
    expect(onTask("/pause\n/status").commands.map((command) => command.name)).toEqual(["pause", "status"]);
  });
});
