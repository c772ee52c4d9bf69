import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse-report.js";
import { renderReport } from "../../src/report/render-report.js";
import type { AgentReport } from "../../src/report/report-model.js";
import { fixtureNames, reportFixture } from "./report-fixtures.js";

function read(name: string): AgentReport {
  const result = parseReport(reportFixture(name));
  expect(result.problems).toEqual([]);
  if (!result.report) throw new Error(`${name} was rejected`);
  return result.report;
}

describe("parseReport on the swarm-iosm example reports", () => {
  it("reads T01 (an analysis: done, one candidate without a Dedup Key column, no files changed)", () => {
    const report = read("T01.md");
    expect(report.status).toBe("done");
    expect(report.summary.split("\n")).toEqual([
      "Analyzed /api/natal/chart endpoint performance. Identified critical bottleneck: no caching layer exists, causing every request to hit database with expensive calculations.",
      "Key findings:",
      "- P95 latency: 450ms (target: <200ms)",
      "- Database queries per request: 8 (opportunity for caching)",
      "- 60% of requests are duplicate birth data (highly cacheable)",
    ]);
    // "Files Analyzed" is what it read, not what it changed.
    expect(report.touchesActual).toEqual([]);
    expect(report.spawnCandidates).toEqual([
      {
        id: "SC-01",
        title: "Optimize calculate_aspects N+1 query",
        touches: ["backend/core/astro/natal.py"],
        effort: "M",
        effortHours: 2,
        needsUserInput: false,
        severity: "medium",
        dedupKey: null,
        acceptance: "Query time <50ms",
      },
    ]);
    expect(report).toMatchObject({ escalations: [], tasksDone: [], costUsd: null, metrics: {}, handoff: "" });
  });

  it("reads T03 (an implementation whose files are drawn as a tree)", () => {
    const report = read("T03.md");
    expect(report.status).toBe("done");
    expect(report.summary).toMatch(/^Implemented backend\/core\/cache\.py with Redis client wrapper\./);
    expect(report.touchesActual).toEqual([
      "backend/core/cache.py",
      "backend/app.py",
      "backend/tests/test_cache.py",
    ]);
    expect(report.spawnCandidates).toEqual([
      expect.objectContaining({
        id: "SC-02",
        title: "Add cache warming script",
        touches: ["scripts/warm_cache.py"],
        effort: "S",
        effortHours: 1,
        severity: "low",
        acceptance: "Cache hit rate >50% on deploy",
      }),
    ]);
  });
});

describe("parseReport on our fixtures", () => {
  it("reads a partial report with two escalations, planned and actual touches and a handoff", () => {
    const report = read("partial-escalations.md");
    expect(report.status).toBe("partial");
    expect(report.touchesPlanned).toEqual(["backend/api/natal.py", "backend/tests/test_natal_api.py"]);
    expect(report.touchesActual).toEqual([
      "backend/api/natal.py",
      "backend/tests/test_natal_api.py",
      "backend/core/cache.py",
    ]);
    expect(
      report.spawnCandidates.map((c) => [c.id, c.severity, c.needsUserInput, c.dedupKey, c.touches]),
    ).toEqual([
      [
        "SC-01",
        "high",
        true,
        "cache.py|invalidate",
        ["backend/core/cache.py", "backend/core/astro/rules.py"],
      ],
      ["SC-02", "low", false, "cache.json|dashboard", ["ops/grafana/cache.json"]],
    ]);
    expect(report.escalations.map((e) => [e.id, e.title])).toEqual([
      ["E-01", "How should cached charts be invalidated?"],
      ["E-02", "May T04 keep its change to backend/core/cache.py?"],
    ]);
    expect(report.escalations[0]?.question.split("\n")).toEqual([
      "Context: Chart rules are edited a few times a year; cached charts live 24 hours.",
      "Question: Invalidate by a rules version in the cache key, or flush the whole cache on every rules change?",
      "Options:",
      "1. Version in the key — old entries expire on their own, no flush needed",
      "2. Flush on change — simpler, but a cold cache for a few minutes",
      "Recommendation: Version in the key.",
      "Impact if Deferred: Users may see charts made with old rules for up to 24 hours.",
    ]);
    // The footer after the last `---` is not part of the last question.
    expect(report.escalations[1]?.question).not.toContain("Report completed by");
    expect(report.handoff.split("\n")).toEqual([
      "Integration Instructions",
      "1. Merge after T03 (it adds CacheClient).",
      "2. Set ENABLE_CACHE=true in staging first.",
      "Conflicts/Overlaps with Other Tasks",
      "- May conflict with T05: both edit backend/core/cache.py.",
    ]);
  });

  it("reads a needs-input report: 'None identified.' means no candidates", () => {
    const report = read("needs-input.md");
    expect(report.status).toBe("needs-input");
    expect(report.spawnCandidates).toEqual([]);
    expect(report.touchesActual).toEqual([]);
    expect(report.escalations).toHaveLength(1);
    expect(report.escalations[0]).toMatchObject({ id: "E-01", title: "Which Redis deployment?" });
    expect(report.escalations[0]?.question).toContain("Question: Which deployment should T03 build against?");
    expect(report.escalations[0]?.question).toContain("1. Managed Redis (ElastiCache, ~$180/month)");
    expect(report.handoff).toMatch(/^Whoever answers:/);
  });

  it("reads metrics from the table and the JSON block (the table's value wins), and the cost", () => {
    const report = read("metrics-cost.md");
    expect(report.costUsd).toBe(0.42);
    expect(report.metrics).toEqual({
      p95_latency_ms: 142,
      cache_hit_rate: 0.64,
      error_rate: 0,
      "Gate-O": "pass",
      p50_latency_ms: 61,
      throughput_rps: 1200,
      k6_version: "0.49.0",
    });
    expect(report.touchesActual).toEqual(["tests/perf/chart_load.js", "tests/perf/README.md"]);
    expect(report.spawnCandidates[0]).toMatchObject({ effort: "2h", effortHours: 2, dedupKey: null });
    expect(report.escalations).toEqual([]);
  });

  it("reads a parent task's finished subtasks, a cost in USD and a status with a note", () => {
    const report = read("parent-subtasks.md");
    expect(report.status).toBe("partial");
    expect(report.tasksDone).toEqual(["T08.1", "T08.2"]);
    expect(report.costUsd).toBe(1.75);
    expect(report.summary.split("\n")[0]).toBe("1. ✅ T08.1: /api/transits reads and writes the cache");
    expect(report.touchesActual).toEqual([
      "backend/api/transits.py",
      "backend/api/synastry.py",
      "backend/tests/test_transits_api.py",
      "backend/tests/test_synastry_api.py",
    ]);
  });

  it.each(fixtureNames)("%s reads the same after it is rendered and read again", (name) => {
    const { report } = parseReport(reportFixture(name));
    expect(report).not.toBeNull();
    if (report) expect(parseReport(renderReport(report)).report).toEqual(report);
  });
});
