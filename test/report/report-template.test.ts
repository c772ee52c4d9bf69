import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse-report.js";
import { reportTemplate } from "../../src/report/report-template.js";

describe("reportTemplate", () => {
  it("parses as it stands, every example value in its field", () => {
    const { report, problems } = parseReport(reportTemplate);
    expect(problems).toEqual([]);
    expect(report).toEqual({
      status: "done",
      summary: "What you did and why, in a few short paragraphs or a list.",
      touchesPlanned: ["backend/api/natal.py"],
      touchesActual: ["backend/api/natal.py", "backend/tests/test_natal_api.py"],
      tasksDone: ["T04.1", "T04.2"],
      spawnCandidates: [
        {
          id: "SC-01",
          title: "Add an index on planets.sign",
          touches: ["backend/models/planet.py"],
          effort: "S",
          effortHours: 1,
          needsUserInput: false,
          severity: "low",
          dedupKey: "planet.py|index",
          acceptance: "Chart query under 50 ms",
        },
      ],
      escalations: [
        {
          id: "E-01",
          title: "How long may a cached chart live?",
          question: [
            "Context: Birth data never changes, but the chart rules may.",
            "Question: Should cached charts expire after 24 hours, or never?",
            "Options:",
            "1. 24 hours: charts follow rule changes within a day",
            "2. Never: fewer database calls",
          ].join("\n"),
        },
      ],
      costUsd: 1.23,
      metrics: { coverage: 0.87, p95_latency_ms: 180 },
      handoff: "What the next task needs to know: decisions made, traps, follow-ups.",
    });
  });

  it("parses when an agent fills it with other values, as its comments say", () => {
    const filled = reportTemplate
      .replace("**Status:** done", "**Status:** needs input")
      .replace("**Subtasks done:** T04.1, T04.2", "**Subtasks done:** none")
      .replace("**Cost:** $1.23\n", "")
      .replace(/\| SC-01 \|.*\|\n/, "")
      .replace(/\| ID \| Subtask .*\n\|-.*\n/, "None identified.\n")
      .replace("backend/tests/test_natal_api.py\n", "");
    const { report, problems } = parseReport(filled);
    expect(problems).toEqual([]);
    expect(report).toMatchObject({
      status: "needs-input",
      tasksDone: [],
      costUsd: null,
      spawnCandidates: [],
      touchesActual: ["backend/api/natal.py"],
    });
    expect(report?.escalations).toHaveLength(1);
  });

  it("fits in the brief's four-backtick fence and names every part the parser reads", () => {
    expect(reportTemplate).not.toMatch(/````/);
    for (const part of [
      "**Status:**",
      "**Subtasks done:**",
      "**Cost:**",
      "## Summary",
      "### Touches Planned",
      "### Touches Actual",
      "## SpawnCandidates",
      "| ID | Subtask | Touches | Effort | User Input | Severity | Dedup Key | Accept Criteria |",
      "None identified.",
      "## Escalation Requests",
      "### E-01:",
      "## Metrics",
      "## Handoff Notes",
    ])
      expect(reportTemplate).toContain(part);
  });
});
