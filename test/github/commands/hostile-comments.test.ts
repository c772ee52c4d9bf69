import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxBodyLength, maxCommandLines, parseCommands } from "../../../src/github/commands/index.js";
import { binaryJunk, tokenSoup } from "../../support/hostile-text.js";

const read = (body: string, taskIssue: string | null = null) => parseCommands(body, { taskIssue });

describe("hostile comments", () => {
  it("reads a 65,536-character comment of commands: 20 commands and one note", () => {
    const body = "/dispatch\n".repeat(Math.ceil(maxBodyLength / 10)).slice(0, maxBodyLength);
    expect(body).toHaveLength(maxBodyLength);
    const { commands, problems } = read(body);
    expect(commands).toHaveLength(maxCommandLines);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/Only the first 20 commands/);
  });

  it("reads 10,000 lines of /dispatch as 20 commands, noting the cap and GitHub's length limit", () => {
    // At 10 characters a line, 10,000 lines of /dispatch are longer than any comment GitHub sends.
    const { commands, problems } = read(Array.from({ length: 10_000 }, () => "/dispatch").join("\n"));
    expect(commands).toHaveLength(maxCommandLines);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/longer than GitHub allows/),
      expect.stringMatching(/Only the first 20 commands .* \d+ more from line 21 on/),
    ]);
    const plans = read(Array.from({ length: 10_000 }, () => "/plan").join("\n"));
    expect(plans.commands).toHaveLength(maxCommandLines);
    expect(plans.problems).toEqual([
      expect.objectContaining({ line: 21, message: expect.stringMatching(/9980 more/) }),
    ]);
  });

  it("reads only the first 65,536 characters of a longer body, and says so", () => {
    const body = `/pause\n${"x".repeat(maxBodyLength)}\n/resume`;
    const { commands, problems } = read(body);
    expect(commands).toEqual([{ name: "pause", line: 1 }]);
    expect(problems[0]?.message).toMatch(/longer than GitHub allows/);
  });

  it("reads one huge line without a command quickly, and a huge run of letters as no command", () => {
    expect(read("a".repeat(maxBodyLength))).toEqual({ commands: [], problems: [] });
    expect(read(`/${"a".repeat(maxBodyLength - 1)}`)).toEqual({ commands: [], problems: [] });
  });

  it("finds nothing inside 5,000-deep quotes, and still reads a command after them", () => {
    const quotes = `${">".repeat(5000)} /dispatch`;
    const mixed = `${"> - ".repeat(2000)}/dispatch`;
    for (const deep of [quotes, mixed]) {
      expect(read(`${deep}\n\n/pause`).commands).toEqual([expect.objectContaining({ name: "pause" })]);
    }
  });

  it("reads only the top levels of a 100-deep list with a command at every level", () => {
    // The shared markdown parser stops at its nesting cap and reads nothing after that point (not even a command
    // after the list), which fails safe: fewer commands, never a wrong one.
    const lists = Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i)}- x\n${"  ".repeat(i + 1)}/pause`);
    const { commands, problems } = read(`${lists.join("\n")}\n\n/resume`);
    expect(problems).toEqual([]);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.every((command) => command.name === "pause" && command.line < 40)).toBe(true);
  });

  it("survives NUL and control characters, and keeps them out of ids and answers", () => {
    expect(read("/pause\0\n\u0001/resume\n/retry T\u000004").commands).toEqual([]);
    expect(read("/retry T\u000104").problems[0]?.message).not.toContain("\u0001");
    expect(read("/answer T04 a\u0007b\0c").commands).toEqual([
      { name: "answer", task: "T04", escalation: null, text: "ab\uFFFDc", line: 1 },
    ]);
    expect(read(binaryJunk(20_000))).toEqual({ commands: [], problems: [] });
  });

  it("caps a task id at 100 characters without echoing it", () => {
    const [problem] = read(`/retry ${"T".repeat(10_000)}`).problems;
    expect(problem?.message).toMatch(/at most 100 characters/);
    expect(problem?.message.length).toBeLessThan(200);
    expect(read(`/retry ${"T".repeat(100)}`).commands).toHaveLength(1);
  });

  it("echoes markup from arguments only as a short code span, never as live markdown or a mention", () => {
    const [problem] = read("/budget <img/src=x>@everyone`**bold**`[link](javascript:alert(1))").problems;
    expect(problem?.message).toMatch(/`<img\/src=x>@everyone \*\*bold\*\* …` is not an amount/);
  });

  it("never throws, and every command's line starts with / in the body", () => {
    const token = fc.constantFrom(
      "/dispatch",
      "/Pause",
      "/answer T04 ",
      "/answer",
      "/retry",
      "/budget",
      " $5",
      " spawn 3",
      " T04",
      "/dispatchh",
      "/usr/bin",
      "\n",
      "\n\n",
      "\r\n",
      "\r",
      "> ",
      "- ",
      "    ",
      "```",
      "`",
      "<!--",
      "-->",
      "\\",
      "&#10;",
      "*",
      "\0",
      "\t",
      "text",
    );
    const body = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), tokenSoup(token, { maxLength: 60 }));
    fc.assert(
      fc.property(body, fc.option(fc.constantFrom("T04", "E-01", "x")), (text, taskIssue) => {
        const { commands, problems } = read(text, taskIssue);
        const lines = text.split(/\r\n?|\n/);
        for (const command of commands) expect(lines[command.line - 1]).toMatch(/^[ \t]*\//);
        for (const problem of problems) expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(commands.length + problems.length).toBeLessThanOrEqual(maxCommandLines + 1);
      }),
      { numRuns: 500 },
    );
  });
});
