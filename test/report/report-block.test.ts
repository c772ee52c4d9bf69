import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReportBlock, renderReportBlock } from "../../src/report/report-block.js";
import { htmlNodes, parse } from "../render/markdown-tree.js";
import { reportBlock } from "./report-arbitrary.js";
import { smallBlock } from "./report-block-fixture.js";

const line = renderReportBlock(smallBlock);

describe("the report block", () => {
  it("round-trips any block as one plain-ASCII line that nothing in it can end early", () => {
    fc.assert(
      fc.property(reportBlock, (block) => {
        const written = renderReportBlock(block);
        expect(written).toMatch(/^<!-- swarm-report:v1 \{[\x20-\x7e]*\} -->$/);
        expect(written.slice(4, -3)).not.toMatch(/--|<|>|&/);
        expect(parseReportBlock(`Report\r\n\r\n${written}\r\n`)).toEqual(block);
        // Invisible on GitHub: the body's markdown sees one HTML comment and nothing else.
        const tree = parse(written);
        expect(tree.children.map((node) => node.type)).toEqual(["html"]);
        expect(htmlNodes(tree)).toEqual([written]);
      }),
      { numRuns: 300 },
    );
  });

  it("is read from the last line that is exactly a block", () => {
    const later = renderReportBlock({ ...smallBlock, attempt: 3, status: "partial" });
    expect(parseReportBlock(`${line}\n\nthe body\n${later}\n`)).toMatchObject({
      attempt: 3,
      status: "partial",
    });
    // The last block line counts even when it is broken: an older one is never brought back.
    expect(parseReportBlock(`${line}\n<!-- swarm-report:v1 {"version":1} -->`)).toBeNull();
  });

  it("is never read from inside a line, a code span or an indented line", () => {
    expect(parseReportBlock(`See ${line}`)).toBeNull();
    expect(parseReportBlock(`\`${line}\``)).toBeNull();
    expect(parseReportBlock(`  ${line}`)).toBeNull();
    expect(parseReportBlock(`${line} trailing`)).toBeNull();
    expect(parseReportBlock(null)).toBeNull();
    expect(parseReportBlock(undefined)).toBeNull();
    expect(parseReportBlock("")).toBeNull();
  });

  it("is found at the end of an oversized body, and never in a line the scan starts inside", () => {
    const padding = "x".repeat(300_000);
    expect(parseReportBlock(`${padding}\n${line}`)).toEqual(smallBlock);
    expect(parseReportBlock(`${line}\n${padding}`)).toBeNull();
    expect(parseReportBlock(`${"y".repeat(300_000)}${line}`)).toBeNull();
  });

  const json = line.slice("<!-- swarm-report:v1 ".length, -" -->".length);
  const edited = (change: (value: Record<string, unknown>) => void): string => {
    const value = JSON.parse(json) as Record<string, unknown>;
    change(value);
    return `<!-- swarm-report:v1 ${JSON.stringify(value)} -->`;
  };
  const firstCandidate = (value: Record<string, unknown>) =>
    (value.spawnCandidates as Record<string, unknown>[])[0] as Record<string, unknown>;

  it.each<[string, (value: Record<string, unknown>) => void]>([
    [
      "an unknown key",
      (value) => {
        value.admin = true;
      },
    ],
    [
      "a missing key",
      (value) => {
        delete value.handoff;
      },
    ],
    [
      "another version",
      (value) => {
        value.version = 2;
      },
    ],
    [
      "a fractional attempt",
      (value) => {
        value.attempt = 1.5;
      },
    ],
    [
      "an unknown status",
      (value) => {
        value.status = "merged";
      },
    ],
    [
      "a negative cost",
      (value) => {
        value.costUsd = -1;
      },
    ],
    [
      "21 candidates",
      (value) => {
        value.spawnCandidates = Array.from({ length: 21 }, () => firstCandidate(value));
      },
    ],
    [
      "a candidate touch outside the repository",
      (value) => {
        firstCandidate(value).touches = ["../etc/passwd"];
      },
    ],
    [
      "a candidate touch that is not clean",
      (value) => {
        firstCandidate(value).touches = ["./src//a.ts"];
      },
    ],
    [
      "an unknown severity",
      (value) => {
        firstCandidate(value).severity = "urgent";
      },
    ],
    [
      "a title over 200 characters",
      (value) => {
        firstCandidate(value).title = "t".repeat(201);
      },
    ],
    [
      "a handoff over 4,000 characters",
      (value) => {
        value.handoff = "h".repeat(4001);
      },
    ],
    [
      "a nested metric",
      (value) => {
        value.metrics = { a: { b: 1 } };
      },
    ],
    [
      "a __proto__ metric",
      (value) => {
        value.metrics = JSON.parse('{"__proto__": 1}');
      },
    ],
    [
      "a subtask id with spaces",
      (value) => {
        value.tasksDone = ["T04 and T05"];
      },
    ],
  ])("is refused whole with %s", (_, change) => {
    expect(parseReportBlock(edited(() => {}))).toEqual(smallBlock);
    expect(parseReportBlock(edited(change))).toBeNull();
  });

  it("is refused when its JSON is broken or holds a comment end", () => {
    expect(parseReportBlock(line.replace('"track"', "track"))).toBeNull();
    expect(parseReportBlock(line.replace("Merge after T03.", "--> <b>"))).toBeNull();
  });
});
