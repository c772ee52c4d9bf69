import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/github/commands/index.js";

const names = (body: string) => {
  const { commands, problems } = parseCommands(body, { taskIssue: null });
  return [
    ...commands.map((command) => `${command.line}:${command.name}`),
    ...problems.map((p) => `${p.line}:!`),
  ];
};

describe("which lines are commands", () => {
  it("ignores fenced code blocks, with backticks or tildes, closed or not", () => {
    expect(names("```\n/dispatch\n```\n~~~sh\n/pause\n~~~\n/resume")).toEqual(["7:resume"]);
    expect(names("```\n/dispatch\n/pause")).toEqual([]);
  });

  it("ignores indented code blocks", () => {
    expect(names("    /dispatch\n\n/pause")).toEqual(["3:pause"]);
  });

  it("ignores inline code, also when a code span runs over lines", () => {
    expect(names("`/dispatch`")).toEqual([]);
    expect(names("`a\n/dispatch`\n/pause")).toEqual(["3:pause"]);
  });

  it("ignores block quotes, nested ones, and a line lazily continuing a quote", () => {
    expect(names("> /dispatch\n>> /pause\n> > > /resume")).toEqual([]);
    expect(names("> quoting you\n/dispatch")).toEqual([]);
    expect(names("> quoting you\n\n/dispatch")).toEqual(["3:dispatch"]);
    expect(names("> - list\n>   /dispatch")).toEqual([]);
  });

  it("ignores HTML comments and HTML blocks, also inline ones over several lines", () => {
    expect(names("<!--\n/dispatch\n-->\n/pause")).toEqual(["4:pause"]);
    expect(names("<!-- /dispatch -->")).toEqual([]);
    expect(names("see <!--\n/dispatch\n--> here")).toEqual([]);
    expect(names("<div>\n/dispatch\n</div>")).toEqual([]);
  });

  it("reads commands between HTML tags when a blank line makes them markdown again", () => {
    expect(names("<details>\n\n/dispatch\n\n</details>")).toEqual(["3:dispatch"]);
  });

  it("ignores headings, tables, and lines that do not start with the slash", () => {
    expect(names("# /dispatch\n\n/pause\n===")).toEqual([]);
    expect(names("| a |\n| - |\n| /dispatch |")).toEqual([]);
    expect(names("please /dispatch\n**/dispatch**\n[/dispatch](x)")).toEqual([]);
  });

  it("treats an escaped slash or an entity as text, the way to write a slash word that is not a command", () => {
    expect(names("\\/dispatch\n&#47;pause\n&#10;/resume")).toEqual([]);
  });

  it("needs white space or the line's end after the word", () => {
    expect(names("/dispatch, please\n/dispatch-all\n/dispatch.\n/dispatch\tT04")).toEqual(["4:dispatch"]);
  });

  it("drops a hard-break backslash at the line's end", () => {
    expect(parseCommands("/retry T04\\\n/pause", { taskIssue: null }).commands).toEqual([
      { name: "retry", task: "T04", line: 1 },
      { name: "pause", line: 2 },
    ]);
  });
});
