import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse-report.js";
import { maxCandidates } from "../../src/report/report-limits.js";
import { binaryJunk } from "../support/hostile-text.js";
import { reportFixture } from "./report-fixtures.js";

const header = "| ID | Subtask | Touches | Effort | User Input | Severity | Dedup Key | Accept Criteria |";
const rule = "|----|----|----|----|----|----|----|----|";

function report(candidateRows: string[], table = header, extra = ""): string {
  return [
    "# Subagent Report: T05",
    "",
    "**Status:** ✅ Complete",
    "",
    "## Summary",
    "",
    "Added the cache.",
    "",
    "## SpawnCandidates",
    "",
    table,
    table === header
      ? rule
      : `|${table
          .split("|")
          .slice(2)
          .map(() => "---|")
          .join("")}`,
    ...candidateRows,
    "",
    extra,
  ].join("\n");
}

const row = (id: string, touches = "`src/a.ts`", severity = "low") =>
  `| ${id} | Follow-up ${id} | ${touches} | S | false | ${severity} | key-${id} | It works |`;

describe("parseReport on broken reports", () => {
  it("rejects a report with neither a status line nor a known section, saying why", () => {
    const result = parseReport("# Notes\n\nI did some things.\n\n## Thoughts\n\nMany.\n");
    expect(result.report).toBeNull();
    expect(result.problems).toEqual([
      expect.stringContaining("no **Status:** line"),
      expect.stringContaining("none of the sections the app reads"),
    ]);
  });

  it("accepts a report without a status line as partial, and says so", () => {
    const result = parseReport(report([row("SC-01")]).replace("**Status:** ✅ Complete", ""));
    expect(result.report?.status).toBe("partial");
    expect(result.report?.spawnCandidates).toHaveLength(1);
    expect(result.problems).toEqual(["the report has no **Status:** line; the report counts as partial"]);
  });

  it("refuses the unfilled template's status, which lists every status", () => {
    const text = reportFixture("T01.md").replace("DONE ✅", "✅ Complete | ⚠️ Partial | ❌ Blocked");
    const result = parseReport(text);
    expect(result.report?.status).toBe("partial");
    expect(result.problems[0]).toMatch(/lists several statuses/);
  });

  it("reads no candidate from a table that lacks a required column, and names the column", () => {
    const table = "| ID | Subtask | Effort | Severity |";
    const result = parseReport(
      report(["| SC-01 | Do it | S | low |", "| SC-02 | Do that | M | high |"], table),
    );
    expect(result.report?.spawnCandidates).toEqual([]);
    expect(result.problems).toEqual([
      "the SpawnCandidates table has no Touches column, so none of its 2 rows was read (its header must name ID, Subtask and Touches)",
    ]);
  });

  it("gives missing optional columns their defaults", () => {
    const table = "| Touches | ID | Subtask |";
    const result = parseReport(report(["| `src/b.ts` | SC-07 | Tidy up |"], table));
    expect(result.problems).toEqual([]);
    expect(result.report?.spawnCandidates).toEqual([
      {
        id: "SC-07",
        title: "Tidy up",
        touches: ["src/b.ts"],
        effort: null,
        effortHours: null,
        needsUserInput: false,
        severity: "medium",
        dedupKey: null,
        acceptance: null,
      },
    ]);
  });

  it("drops a candidate whose touches leave the repository and keeps the others", () => {
    const rows = [
      row("SC-01"),
      row("SC-02", "`src/b.ts`, `/etc/hosts`"),
      row("SC-03", "`../etc/passwd`"),
      row("SC-04", "`.git/hooks/pre-commit`"),
      row("SC-05"),
    ];
    const result = parseReport(report(rows));
    expect(result.report?.spawnCandidates.map((c) => c.id)).toEqual(["SC-01", "SC-05"]);
    expect(result.problems).toEqual([
      'SpawnCandidates row 2 (SC-02): touch "/etc/hosts" is absolute; write it relative to the repository root; the candidate was dropped',
      'SpawnCandidates row 3 (SC-03): touch "../etc/passwd" leaves the repository (".."); the candidate was dropped',
      'SpawnCandidates row 4 (SC-04): touch ".git/hooks/pre-commit" is inside .git, which no task may write; the candidate was dropped',
    ]);
  });

  it("keeps the first 20 of 25 candidates and says how many were dropped", () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`SC-${String(i + 1).padStart(2, "0")}`));
    const result = parseReport(report(rows));
    expect(result.report?.spawnCandidates).toHaveLength(maxCandidates);
    expect(result.report?.spawnCandidates.at(-1)?.id).toBe("SC-20");
    expect(result.problems).toEqual([
      "the SpawnCandidates table has 25 rows; at most 20 candidates are read per report, so the last 5 were dropped",
    ]);
  });

  it("reads an unknown severity as medium, an unclear user input as true, and an unreadable effort as unknown", () => {
    const result = parseReport(
      report(["| SC-01 | Fix it | `src/a.ts` | soonish | maybe | urgent | k | ok |"]),
    );
    expect(result.report?.spawnCandidates[0]).toMatchObject({
      severity: "medium",
      needsUserInput: true,
      effort: "soonish",
      effortHours: null,
    });
    expect(result.problems).toEqual([
      "SpawnCandidates row 1 (SC-01): effort 'soonish' cannot be read (write S, M, L, XL or hours like 3h)",
      "SpawnCandidates row 1 (SC-01): user input 'maybe' is not true or false; read as true",
      "SpawnCandidates row 1 (SC-01): severity 'urgent' is not low, medium, high or critical; read as medium",
    ]);
  });

  it("reads cells with escaped pipes and code spans", () => {
    const rows = [
      "| SC-01 | Split `a\\|b` into a \\| b | `src/a,b.ts`, `x\\|y.md` | S | false | low | `a.py\\|split` | `make test` passes |",
    ];
    const result = parseReport(report(rows));
    expect(result.problems).toEqual([]);
    expect(result.report?.spawnCandidates[0]).toMatchObject({
      title: "Split a|b into a | b",
      touches: ["src/a,b.ts", "x|y.md"],
      dedupKey: "a.py|split",
      acceptance: "make test passes",
    });
  });

  it("warns when an unescaped | in a code span split a cell", () => {
    const result = parseReport(
      report(["| SC-01 | Fix | `src/a.ts` | S | false | low | `auth.py|type` | ok |"]),
    );
    expect(result.problems).toEqual([
      expect.stringMatching(/^SpawnCandidates row 1 \(SC-01\): a cell holds a lone backtick/),
    ]);
  });

  it("refuses a report over 256 KB whole", () => {
    const result = parseReport(report([row("SC-01")], header, "x".repeat(300 * 1024)));
    expect(result.report).toBeNull();
    expect(result.problems).toEqual([
      expect.stringMatching(/^the report is at least 307,\d{3} bytes, over the limit of 262,144/),
    ]);
    // Multi-byte text is measured in bytes, not characters.
    const wide = parseReport(report([row("SC-01")], header, "é".repeat(140 * 1024)));
    expect(wide.report).toBeNull();
  });

  it("refuses NUL bytes, empty text and text that is not a string", () => {
    expect(parseReport(`${report([])}\u0000`)).toEqual({
      report: null,
      problems: ["the report contains NUL bytes, so it is binary data, not markdown"],
    });
    expect(parseReport("  \n ").report).toBeNull();
    expect(parseReport(42 as unknown as string).problems).toEqual(["the report is not text"]);
  });

  it("rejects a report of only HTML (raw HTML is never read as report text)", () => {
    const html =
      "<h2>Summary</h2>\n<p><b>Status:</b> done</p>\n<table><tr><td>SC-01</td></tr></table>\n<img src=x onerror=alert(1)>\n";
    expect(parseReport(html).report).toBeNull();
  });

  it("reads deeply nested lists without failing and says where reading stopped", () => {
    const nested = Array.from({ length: 200 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join(
      "\n",
    );
    const result = parseReport(
      `**Status:** done\n\n## Summary\n\n${nested}\n\n## SpawnCandidates\n\nNone identified.\n`,
    );
    expect(result.report?.status).toBe("done");
    expect(result.report?.summary.length).toBeLessThanOrEqual(4000);
    expect(result.problems).toContainEqual(
      expect.stringMatching(/nests lists or quotes more than 20 levels deep at line \d+/),
    );
  });

  it("refuses bad actual touches one by one and keeps the rest", () => {
    const text = `**Status:** done\n\n## Files Touched\n\n### Touches Actual\n\`\`\`\nsrc/ok.ts\n/etc/passwd\n../up.ts\n.git/config\n\`\`\`\n\n## SpawnCandidates\n\nNone identified.\n`;
    const result = parseReport(text);
    expect(result.report?.touchesActual).toEqual(["src/ok.ts"]);
    expect(result.problems).toEqual([
      "the report has no Summary section",
      'Touches Actual: touch "/etc/passwd" is absolute; write it relative to the repository root; it was left out',
      'Touches Actual: touch "../up.ts" leaves the repository (".."); it was left out',
      'Touches Actual: touch ".git/config" is inside .git, which no task may write; it was left out',
    ]);
  });

  it("lists at most 40 problems, and counts the rest", () => {
    const paths = Array.from({ length: 100 }, (_, i) => `/abs/${i}`).join("\n");
    const result = parseReport(
      `**Status:** done\n\n## Summary\n\nx\n\n## Touches Actual\n\n\`\`\`\n${paths}\n\`\`\`\n`,
    );
    expect(result.problems).toHaveLength(40);
    expect(result.problems[0]).toBe(
      'Touches Actual: touch "/abs/0" is absolute; write it relative to the repository root; it was left out',
    );
    expect(result.problems.at(-1)).toBe("62 more problems were not listed");
  });

  it("cuts an overlong summary and question, and says so", () => {
    const text = `**Status:** needs input\n\n## Summary\n\n${"word ".repeat(2000)}\n\n## SpawnCandidates\n\nNone\n\n## Escalation Requests\n\n### E-01: ${"t".repeat(300)}\n\n${"why ".repeat(1000)}\n`;
    const result = parseReport(text);
    expect(result.report?.summary).toHaveLength(4000);
    expect(result.report?.summary.endsWith("…")).toBe(true);
    expect(result.report?.escalations[0]?.title).toHaveLength(200);
    expect(result.report?.escalations[0]?.question).toHaveLength(2000);
    expect(result.problems).toEqual([
      "the Summary is 9,999 characters long; cut to 4,000",
      "escalation E-01: the title is 300 characters long; cut to 200",
      "escalation E-01: the question is 3,999 characters long; cut to 2,000",
    ]);
  });

  it("says when escalations are text without entries, or more than 20", () => {
    const loose = parseReport("**Status:** needs input\n\n## Escalation Requests\n\nShould we use Redis?\n");
    expect(loose.problems).toContainEqual(expect.stringMatching(/has text but no '### E-01: Title' entries/));
    const many = Array.from({ length: 22 }, (_, i) => `### E-${i + 1}: Q${i + 1}\n\nWhy?\n`).join("\n");
    const result = parseReport(`**Status:** needs input\n\n## Escalation Requests\n\n${many}`);
    expect(result.report?.escalations).toHaveLength(20);
    expect(result.problems).toContainEqual(
      "the report asks 22 questions; at most 20 are read, so the last 2 were dropped",
    );
  });

  it("never throws, whatever the text", () => {
    const tokens = fc.constantFrom(
      "**Status:** ",
      "done",
      "## SpawnCandidates\n",
      "## Escalation Requests\n",
      "### E-01: ",
      `${header}\n${rule}\n`,
      "| SC-01 | x | `../a` | S | maybe | ??? |\n",
      '```json\n{"a": [1, {"b": 2}]}\n```\n',
      "## Metrics\n| Metric | Value |\n|---|---|\n| __proto__ | 1 |\n",
      "**Cost:** $1e9\n",
      "- ",
      "> ",
      "\n",
      "|",
      "`",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary" }),
          fc.array(tokens, { maxLength: 30 }).map((t) => t.join("")),
        ),
        (text) => {
          const result = parseReport(text);
          expect(Array.isArray(result.problems)).toBe(true);
          if (result.report === null) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
    expect(parseReport(binaryJunk(5000)).report).toBeNull();
  });
});
