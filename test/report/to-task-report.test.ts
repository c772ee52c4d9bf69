import { describe, expect, it } from "vitest";
import { toTaskReport } from "../../src/report/to-task-report.js";
import { smallBlock } from "./report-block-fixture.js";

describe("toTaskReport", () => {
  it("maps a completed run's block to the engine's report", () => {
    expect(toTaskReport(smallBlock)).toEqual({
      status: "done",
      changedFiles: ["backend/api/natal.py"],
      tasksDone: ["T04.1"],
      spawnCandidates: [
        {
          title: "Invalidate cached charts",
          touches: ["backend/core/cache.py"],
          severity: "high",
          needsUserInput: true,
          dedupKey: "cache.py|invalidate",
          effortHours: 2,
        },
      ],
      escalations: ["E-01: Which lifetime? — 24 hours or never?"],
      costUsd: 1.23,
      metrics: { coverage: 0.87, "Gate-O": "pass" },
    });
  });

  it.each(["failed", "timed-out"] as const)(
    "makes a %s run a failed attempt whatever the agent claims",
    (outcome) => {
      const report = toTaskReport({ ...smallBlock, outcome, status: "done" });
      expect(report.status).toBe("failed");
      // What the attempt found and cost still counts.
      expect(report.costUsd).toBe(1.23);
      expect(report.tasksDone).toEqual(["T04.1"]);
    },
  );

  it("keeps the agent's status for a completed run", () => {
    expect(toTaskReport({ ...smallBlock, status: "needs-input" }).status).toBe("needs-input");
    expect(toTaskReport({ ...smallBlock, status: "partial" }).status).toBe("partial");
  });

  it("writes each question on one line with its id, and its title when there is one", () => {
    const report = toTaskReport({
      ...smallBlock,
      escalations: [
        { id: "E-01", title: "", question: "Context: a\nQuestion: b?" },
        { id: "E-02", title: "Only a title", question: "" },
      ],
    });
    expect(report.escalations).toEqual(["E-01 — Context: a Question: b?", "E-02: Only a title"]);
  });

  it("shares no arrays with the block, so the engine cannot change what was read", () => {
    const report = toTaskReport(smallBlock);
    report.changedFiles.push("x");
    report.spawnCandidates[0]?.touches.push("y");
    expect(smallBlock.changedFiles).toEqual(["backend/api/natal.py"]);
    expect(smallBlock.spawnCandidates[0]?.touches).toEqual(["backend/core/cache.py"]);
  });
});
