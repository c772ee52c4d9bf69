// A small, valid report block the block tests start from.

import type { ReportBlock } from "../../src/report/report-model.js";

export const smallBlock: ReportBlock = {
  version: 1,
  track: "12",
  task: "T04",
  attempt: 2,
  outcome: "completed",
  status: "done",
  changedFiles: ["backend/api/natal.py"],
  scopeViolations: [],
  tasksDone: ["T04.1"],
  spawnCandidates: [
    {
      id: "SC-01",
      title: "Invalidate cached charts",
      touches: ["backend/core/cache.py"],
      effort: "M",
      effortHours: 2,
      needsUserInput: true,
      severity: "high",
      dedupKey: "cache.py|invalidate",
      acceptance: "A rules change refreshes every chart",
    },
  ],
  escalations: [{ id: "E-01", title: "Which lifetime?", question: "24 hours or never?" }],
  costUsd: 1.23,
  metrics: { coverage: 0.87, "Gate-O": "pass" },
  handoff: "Merge after T03.",
  problems: [],
};
