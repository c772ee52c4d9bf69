import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMermaidGantt } from "../../src/render/mermaid-gantt.js";
import { hostileText } from "./hostile-text.js";
import { mermaidBlocks, parse } from "./markdown-tree.js";

const taskLine = /^ {4}[^#:;%`<>\n]+ : u_\w*, \d{4}-\d\d-\d\d \d\d:\d\d, \d{4}-\d\d-\d\d \d\d:\d\d$/;
// Gantt lexer rules that would take a line before it could be read as task text.
const keywordStart =
  /^(gantt|dateformat\s|inclusiveenddates|topaxis|axisformat\s|tickinterval\s|includes\s|excludes\s|todaymarker\s|weekday\s|title\s|section\s|click\s|call\s|href\s|acc|\d{4}-\d\d-\d\d)/i;

// Words the gantt lexer treats specially, alone or at the start of a line.
const ganttWords = fc.constantFrom(
  "call",
  "title",
  "section",
  "gantt",
  "click x",
  "href",
  "2024-01-01",
  "done",
  "crit",
);
const ganttText = fc.oneof(
  hostileText,
  ganttWords,
  fc.tuple(ganttWords, hostileText).map(([a, b]) => `${a}${b}`),
);

function taskLines(block: string): string[] {
  return block.split("\n").filter((line) => / : u_\w*, /.test(line));
}

describe("renderMermaidGantt", () => {
  it("writes one section per agent and one bar per unit, times as offsets from 00:00", () => {
    const block = renderMermaidGantt(
      [
        { id: "T2", start: 2.5, end: 2.75, agent: 2 },
        { id: "T1", start: 0, end: 2.5, agent: 1 },
      ],
      new Map([["T1", "First"]]),
    );
    expect(block.split("\n")).toEqual([
      "```mermaid",
      "gantt",
      "    dateFormat YYYY-MM-DD HH:mm",
      "    axisFormat %H:%M",
      "    todayMarker off",
      "    section Agent 1",
      "    T1 First : u_T1, 2000-01-01 00:00, 2000-01-01 02:30",
      "    section Agent 2",
      "    T2 : u_T2, 2000-01-01 02:30, 2000-01-01 02:45",
      "```",
    ]);
  });

  it("accepts a Schedule object and counts days past 24 hours", () => {
    const block = renderMermaidGantt(
      { entries: [{ id: "T1", start: 20, end: 30.5, agent: 1 }], makespan: 30.5 },
      new Map(),
    );
    expect(block).toContain("    axisFormat day %-j %H:%M");
    expect(block).toContain("    T1 : u_T1, 2000-01-01 20:00, 2000-01-02 06:30");
  });

  it("keeps ids that differ only in unsafe characters apart", () => {
    const lines = taskLines(
      renderMermaidGantt(
        [
          { id: "T-1", start: 0, end: 1, agent: 1 },
          { id: "T_1", start: 1, end: 2, agent: 1 },
          { id: "t_1", start: 2, end: 3, agent: 1 },
        ],
        new Map(),
      ),
    );
    const ids = lines.map((line) => /: (u_\w*),/.exec(line)?.[1]);
    expect(new Set(ids.map((id) => id?.toLowerCase())).size).toBe(3);
  });

  it("prefixes a title that the gantt lexer would read as a keyword or a date", () => {
    const titles = new Map([
      ["section", "x"],
      ["2024-01-01", "release"],
      ["call", ""],
    ]);
    const lines = taskLines(
      renderMermaidGantt(
        [
          { id: "section", start: 0, end: 1, agent: 1 },
          { id: "2024-01-01", start: 0, end: 1, agent: 2 },
          { id: "call", start: 1, end: 2, agent: 2 },
        ],
        titles,
      ),
    );
    expect(lines).toEqual([
      "    task section x : u_section, 2000-01-01 00:00, 2000-01-01 01:00",
      "    task 2024-01-01 release : u_2024_01_01, 2000-01-01 00:00, 2000-01-01 01:00",
      "    task call : u_call, 2000-01-01 01:00, 2000-01-01 02:00",
    ]);
  });

  it("clamps absurd times instead of failing", () => {
    const block = renderMermaidGantt(
      [
        { id: "T1", start: Number.NaN, end: 1e12, agent: 1 },
        { id: "T2", start: -5, end: -1, agent: Number.NaN },
      ],
      new Map(),
    );
    expect(taskLines(block)).toHaveLength(2);
    for (const line of taskLines(block)) expect(line).toMatch(taskLine);
  });

  it("keeps every hostile id and title on its own valid line inside the fence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: ganttText, title: ganttText, agent: fc.integer({ min: 1, max: 4 }) }), {
          maxLength: 8,
        }),
        (units) => {
          const entries = units.map((unit, index) => ({
            id: unit.id,
            start: index,
            end: index + 1,
            agent: unit.agent,
          }));
          const titles = new Map(units.map((unit) => [unit.id, unit.title]));
          const block = renderMermaidGantt(entries, titles);
          const blocks = mermaidBlocks(parse(block));
          expect(blocks).toEqual([block.split("\n").slice(1, -1).join("\n")]);
          const lines = taskLines(block);
          expect(lines).toHaveLength(entries.length);
          for (const line of lines) {
            expect(line).toMatch(taskLine);
            expect(line.trim()).not.toMatch(keywordStart);
          }
        },
      ),
    );
  });
});
