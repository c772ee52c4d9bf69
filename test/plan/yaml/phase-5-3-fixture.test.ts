// The YAML fixture (fixtures/plans/phase-5-3.yaml) extracts to exactly this draft: every value as written, with
// the line of its key, groups in both spellings, subtasks, and no diagnostics.

import { describe, expect, it } from "vitest";
import { extractYaml } from "../../../src/plan/yaml/extract-yaml.js";
import { at, extract, readFixture } from "../../support/extract-draft.js";

describe("extractYaml on fixtures/plans/phase-5-3.yaml", () => {
  const { draft, diag } = extract(
    extractYaml,
    readFixture("phase-5-3.yaml"),
    "fixtures/plans/phase-5-3.yaml",
  );

  it("reports nothing", () => {
    expect(diag.items).toEqual([]);
  });

  it("reads the track settings and model rates", () => {
    expect(draft.format).toBe("yaml");
    expect(draft.track).toEqual({
      id: at("phase-5-3", 4),
      title: at("Phase 5.3: resilient job processing", 5),
      maxParallel: at("6", 6),
      budgetUsd: at("40", 7),
      spawnBudget: at("10", 8),
      retryLimit: at("2", 9),
      scopePolicy: at("escalate", 10),
      noProgressLimit: at("3", 11),
      modelRates: at({ sonnet: "6", haiku: "1.5" }, 12),
    });
  });

  it("reads the gates with their fix task", () => {
    expect(draft.gates).toEqual([
      {
        name: "Gate-O",
        line: 17,
        target: "all tests pass",
        fix: {
          title: "Fix failing tests",
          line: 19,
          role: "test-engineer",
          touches: ["tests/"],
          effort: "S",
        },
      },
      { name: "Gate-M", line: 20, target: "no import cycles between services" },
    ]);
  });

  it("reads the groups, members listed on the group or not", () => {
    expect(draft.groups).toEqual([
      { name: "GROUP_A", line: 24, tasks: [] },
      { name: "GROUP_B", line: 25, tasks: [], deps: at(["GROUP_A"], 25) },
      {
        name: "GROUP_C",
        line: 26,
        tasks: [at("T9", 28), at("T10", 28), at("T11", 28)],
        deps: at(["GROUP_B"], 29),
      },
      { name: "GROUP_D", line: 30, tasks: [], deps: at(["T2"], 30) },
      { name: "GROUP_E", line: 31, tasks: [] },
    ]);
  });

  it("reads every task, subtasks in order, values as written", () => {
    expect(draft.tasks).toEqual([
      {
        id: "T1",
        line: 34,
        title: "Job store schema and migrations",
        fields: {
          group: at("GROUP_A", 36),
          role: at("database-engineer", 37),
          model: at("sonnet", 38),
          effort: at("L", 39),
          touches: at(["db/schema.sql", "db/migrations/"], 40),
          acceptance: at(["migrations apply and roll back cleanly"], 41),
          requirements: at(["1.1", "1.2"], 42),
          status: at("done", 43),
        },
        subtasks: [],
      },
      {
        id: "T2",
        line: 45,
        title: "Service interfaces for queue, worker and store",
        fields: {
          group: at("GROUP_A", 47),
          role: at("backend-engineer", 48),
          effort: at("3h", 49),
          touches: at(["src/services/interfaces/"], 50),
          status: at("doing", 51),
        },
        subtasks: [],
      },
      {
        id: "T3",
        line: 53,
        title: "HTTP router and middleware skeleton",
        fields: {
          group: at("GROUP_A", 55),
          role: at("backend-engineer", 56),
          effort: at("3h", 57),
          touches: at(["src/api/router.ts", "src/api/middleware/"], 58),
        },
        subtasks: [],
      },
      {
        id: "T4",
        line: 60,
        title: "Dashboard application shell",
        fields: {
          group: at("GROUP_A", 62),
          role: at("frontend-engineer", 63),
          model: at("haiku", 64),
          effort: at("4h", 65),
          touches: at(["web/src/app/", "web/package.json"], 66),
        },
        subtasks: [],
      },
      {
        id: "T5",
        line: 68,
        title: "Retry engine",
        fields: {
          group: at("GROUP_B", 70),
          role: at("backend-engineer", 71),
          touches: at(["src/services/retry/"], 72),
          discoveries: at(["jobs that are not idempotent"], 73),
          autoSpawn: at("safe-only", 74),
        },
        subtasks: [
          {
            id: "T5.1",
            line: 76,
            title: "Exponential backoff policy with jitter",
            fields: { effort: at("90min", 78), touches: at(["src/services/retry/backoff.ts"], 79) },
            subtasks: [],
          },
          {
            id: "T5.2",
            line: 80,
            title: "Persist attempt counts with each job",
            fields: {
              effort: at("2h", 82),
              touches: at(["src/services/retry/attempts.ts", "db/migrations/0005_attempts.sql"], 83),
            },
            subtasks: [],
          },
          {
            id: "T5.3",
            line: 84,
            title: "Property tests for the retry schedule",
            fields: {
              effort: at("S", 86),
              touches: at(["tests/services/retry/"], 87),
              acceptance: at(["delays never exceed the cap", "attempts never exceed the limit"], 88),
            },
            subtasks: [],
          },
        ],
      },
      {
        id: "T6",
        line: 90,
        title: "Circuit breaker around outbound calls",
        fields: {
          group: at("GROUP_B", 92),
          role: at("backend-engineer", 93),
          effort: at("3.5", 94),
          touches: at(["src/services/breaker/"], 95),
        },
        subtasks: [],
      },
      {
        id: "T7",
        line: 97,
        title: "Dead-letter queue",
        fields: {
          group: at("GROUP_B", 99),
          role: at("backend-engineer", 100),
          effort: at("4h", 101),
          deps: at(["T1"], 102),
          touches: at(["src/services/dead-letter/", "db/migrations/0007_dead_letter.sql"], 103),
          severity: at("high", 104),
        },
        subtasks: [],
      },
      {
        id: "T8",
        line: 106,
        title: "Cron-style job scheduler",
        fields: {
          group: at("GROUP_B", 108),
          role: at("backend-engineer", 109),
          effort: at("L", 110),
          touches: at(["src/services/scheduler/"], 111),
        },
        subtasks: [],
      },
      {
        id: "T9",
        line: 113,
        title: "Recovery endpoints (replay and discard dead letters)",
        fields: {
          role: at("api-engineer", 115),
          effort: at("3h", 116),
          deps: at(["T7"], 117),
          touches: at(["src/api/routes/recovery.ts"], 118),
        },
        subtasks: [],
      },
      {
        id: "T10",
        line: 120,
        title: "Schedule management endpoints",
        fields: {
          role: at("api-engineer", 122),
          effort: at("3h", 123),
          deps: at(["T8"], 124),
          touches: at(["src/api/routes/schedules.ts"], 125),
        },
        subtasks: [],
      },
      {
        id: "T11",
        line: 127,
        title: "Outbound webhook registration",
        fields: {
          role: at("api-engineer", 129),
          effort: at("4h", 130),
          touches: at(["src/api/routes/webhooks.ts", "src/services/webhooks/"], 131),
          cost: at("2.75", 132),
        },
        subtasks: [],
      },
      {
        id: "T12",
        line: 134,
        title: "Live job updates over WebSocket",
        fields: {
          group: at("GROUP_D", 136),
          role: at("backend-engineer", 137),
          effort: at("L", 138),
          touches: at(["src/realtime/"], 139),
        },
        subtasks: [],
      },
      {
        id: "T13",
        line: 141,
        title: "Metrics endpoint for queue depth and latency",
        fields: {
          group: at("GROUP_D", 143),
          role: at("backend-engineer", 144),
          effort: at("2h", 145),
          touches: at(["src/metrics/"], 146),
          artifacts: at(["docs/metrics.md"], 147),
        },
        subtasks: [],
      },
      {
        id: "T14",
        line: 149,
        title: "Dashboard job list and detail views",
        fields: {
          group: at("GROUP_D", 151),
          role: at("frontend-engineer", 152),
          model: at("haiku", 153),
          effort: at("L", 154),
          deps: at(["T4", "T13"], 155),
          touches: at(["web/src/views/jobs/"], 156),
        },
        subtasks: [],
      },
      {
        id: "T15",
        line: 158,
        title: "Per-client rate limiting",
        fields: {
          group: at("GROUP_E", 160),
          role: at("backend-engineer", 161),
          effort: at("3h", 162),
          deps: at(["GROUP_C"], 163),
          touches: at(["src/api/middleware/rate-limit.ts"], 164),
          gates: at(["Gate-O"], 165),
        },
        subtasks: [],
      },
      {
        id: "T16",
        line: 167,
        title: "End-to-end tests for the job lifecycle",
        fields: {
          group: at("GROUP_E", 169),
          role: at("test-engineer", 170),
          effort: at("L", 171),
          deps: at(["GROUP_C", "GROUP_D"], 172),
          touches: at(["tests/e2e/"], 173),
          gates: at(["Gate-O", "Gate-M"], 174),
        },
        subtasks: [],
      },
      {
        id: "T17",
        line: 176,
        title: "Load test sign-off with the on-call engineer",
        fields: {
          group: at("GROUP_E", 178),
          role: at("performance-engineer", 179),
          model: at("sonnet", 180),
          concurrency: at("read-only", 181),
          needsUserInput: at("true", 182),
          mode: at("foreground", 183),
          effort: at("M (3 hours)", 184),
          deps: at(["T16"], 185),
          artifacts: at(["reports/load-test.md"], 186),
          severity: at("critical", 187),
        },
        subtasks: [],
      },
    ]);
  });
});
