import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

const demo = readFileSync("fixtures/plans/demo-track.md", "utf8");
const scenarios = ["retry-then-success", "spawn-and-escalation", "gate-fix", "budget-stop"];

/** Runs the real command with the demo plan and the example scenarios among its files. */
async function run(argv: string[], extra: Record<string, string> = {}) {
  const files: Record<string, string> = { "demo.md": demo, ...extra };
  for (const name of scenarios)
    files[`${name}.yaml`] = readFileSync(`fixtures/scenarios/${name}.yaml`, "utf8");
  return runCli(argv, files);
}

describe("swarm-dispatch simulate", () => {
  it("prints the report: ending, numbers, timeline and Gantt chart", async () => {
    const { code, stdout, stderr } = await run(["simulate", "demo.md", "--agents", "2"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("**Completed at 7.00h.**");
    expect(stdout).toContain("```text");
    expect(stdout).toContain("```mermaid");
  });

  it("prints exactly the documented JSON object", async () => {
    const { code, stdout } = await run([
      "simulate",
      "demo.md",
      "--json",
      "--scenario",
      "retry-then-success.yaml",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual(
      [
        "agents",
        "baselines",
        "criticalPathLength",
        "events",
        "lowerBound",
        "makespan",
        "schedule",
        "totalWork",
        "utilisation",
      ].sort(),
    );
    expect(json).toMatchObject({
      makespan: 8.516667,
      lowerBound: 7,
      criticalPathLength: 7,
      totalWork: 9,
      agents: 4,
      utilisation: 0.3082,
      baselines: { fifo: 7, waves: 7 },
    });
    expect(json.schedule[0]).toEqual({ id: "T03", start: 0, end: 1.5, agent: 1 });
    expect(json.schedule.map((entry: { id: string }) => entry.id)).toEqual([
      "T03",
      "T03",
      "T04",
      "T05",
      "T06",
    ]);
    for (const entry of json.schedule)
      expect(Object.keys(entry).sort()).toEqual(["agent", "end", "id", "start"]);
    expect(json.events[1]).toEqual({
      at: 1.5,
      kind: "retry",
      task: "T03",
      attempt: 1,
      agent: 1,
      text: "T03: attempt 1 failed: pytest crashed while importing the cache module; retry 1 of 2 from the last checkpoint (next attempt at 1.52h)",
    });
    expect(json.events.at(-1)).toMatchObject({ kind: "end", task: null });
  });

  it("runs every example scenario to completion", async () => {
    for (const name of scenarios) {
      const { code, stdout } = await run(["simulate", "demo.md", "--json", "--scenario", `${name}.yaml`]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).events.at(-1).text).toMatch(/^the track is complete/);
    }
  });

  it("gives the same output for the same seed and another for another seed", async () => {
    const a = await run(["simulate", "demo.md", "--json", "--noise", "0.3", "--seed", "42"]);
    const b = await run(["simulate", "demo.md", "--json", "--noise", "0.3", "--seed", "42"]);
    const c = await run(["simulate", "demo.md", "--json", "--noise", "0.3", "--seed", "43"]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).schedule).not.toEqual(JSON.parse(c.stdout).schedule);
  });

  it("writes the SVG Gantt chart with --svg", async () => {
    const { code, written } = await run(["simulate", "demo.md", "--svg", "out.svg"]);
    expect(code).toBe(0);
    expect(written["out.svg"]).toMatch(/^<\?xml[\s\S]*<\/svg>\n?$/);
    const failed = await run(["simulate", "demo.md", "--svg", "missing/out.svg"]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe("swarm-dispatch: cannot write missing/out.svg: no such folder\n");
  });

  it("reports a bad scenario as file:line errors with exit code 1", async () => {
    const { code, stdout, stderr } = await run(["simulate", "demo.md", "--scenario", "bad.yaml"], {
      "bad.yaml": "tasks:\n  T42: { outcome: done }\n  T03: { outcome: 7 }\n",
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        'bad.yaml:3: tasks.T03[0].outcome: Invalid option: expected one of "done"|"fail"|"timeout"|"needs-input"|"partial"',
        "bad.yaml: 1 error; nothing was simulated",
        "",
      ].join("\n"),
    );
    const unknown = await run(["simulate", "demo.md", "--scenario", "bad.yaml"], {
      "bad.yaml": "tasks:\n  T42: { outcome: done }\n",
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('bad.yaml:2: unknown task "T42"');
  });

  it("exits 2 on a wrong command line or an unreadable scenario", async () => {
    const cases: [string[], string][] = [
      [["simulate", "demo.md", "--noise", "2"], "--noise must be a number from 0 to 1"],
      [["simulate", "demo.md", "--noise=-0.1"], "--noise must be a number from 0 to 1"],
      [["simulate", "demo.md", "--seed", "x"], "--seed must be a whole number"],
      [["simulate", "demo.md", "--agents", "0"], "--agents must be a whole number from 1 to 1000"],
      [["simulate"], "simulate needs a plan file"],
      [["plan", "demo.md", "--seed", "3"], "--seed is an option of simulate only"],
      [["validate", "demo.md", "--scenario", "x.yaml"], "--scenario is an option of simulate only"],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    }
    const missing = await run(["simulate", "demo.md", "--scenario", "nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("swarm-dispatch: cannot read nope.yaml: no such file\n");
  });

  it("exits 1 on an invalid plan without reading the scenario", async () => {
    const { code, stderr } = await run(["simulate", "bad.md", "--scenario", "nope.yaml"], {
      "bad.md": "\u0000",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("bad.md: the plan is not text");
  });
});
