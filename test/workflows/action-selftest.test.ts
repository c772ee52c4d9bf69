// The self-test workflow runs the Action of the commit under test with the scripted agent, and the scripted agent
// does what the self-test then checks: one change inside the task's touches, a report, a cost.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { actionFile, readYaml } from "./workflow-files.js";
import { type ActionManifest, actionSteps, onlyJob, type Workflow } from "./workflow-model.js";

const agent = resolve("test/action/scripted-agent.mjs");

describe("the Action's self-test", () => {
  const workflow = readYaml<Workflow>(".github/workflows/action-selftest.yml");
  const job = onlyJob(workflow);
  const [step] = actionSteps(job);

  it("runs the Action from the checkout with the scripted agent and every required input", () => {
    expect(step?.uses).toBe("./");
    expect(step?.with?.["agent-command"]).toBe("node test/action/scripted-agent.mjs");
    const action = readYaml<ActionManifest>(actionFile);
    const required = Object.entries(action.inputs).filter(([, input]) => input.required === true);
    expect(Object.keys(step?.with ?? {})).toEqual(expect.arrayContaining(required.map(([input]) => input)));
  });

  it("asks for nothing but contents: read, and deletes the branch it made", () => {
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: "read" });
    const cleanup = job.steps.at(-1);
    expect(cleanup?.if).toContain("always()");
    expect(cleanup?.run).toContain('git/refs/heads/$BRANCH"');
    expect(cleanup?.if).toContain("steps.branch.outputs.branch != ''");
  });
});

describe("the scripted agent", () => {
  it("changes the one file it is given and writes a DONE report", () => {
    const folder = mkdtempSync(join(tmpdir(), "scripted-agent-"));
    try {
      const stdout = execFileSync(process.execPath, [agent], {
        cwd: folder,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          SWARM_REPORT: join(folder, "report.md"),
          SWARM_TASK: "T01",
          SELFTEST_FILE: "notes/selftest.md",
          GITHUB_RUN_ID: "42",
        },
      });
      expect(readFileSync(join(folder, "notes/selftest.md"), "utf8")).toBe(
        "Self-test of the Swarm Dispatch Action: task T01, run 42.\n",
      );
      const report = readFileSync(join(folder, "report.md"), "utf8");
      expect(report).toContain("**Status:** DONE ✅");
      expect(report).toMatch(/^## Summary\n\n\S/m);
      expect(report).toMatch(/^## SpawnCandidates\n\nNone identified\.$/m);
      expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "")).toMatchObject({ total_cost_usd: 0 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("refuses a file outside the repository", () => {
    const run = () =>
      execFileSync(process.execPath, [agent], {
        stdio: "pipe",
        env: { PATH: process.env.PATH ?? "", SWARM_REPORT: "r.md", SWARM_TASK: "T01", SELFTEST_FILE: "../x" },
      });
    expect(run).toThrow(/must be a path inside the repository/);
  });
});
