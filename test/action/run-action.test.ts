import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/action/run.js";
import { parseReportBlock } from "../../src/report/index.js";
import { useStrictNock } from "../support/github/strict-nock.js";
import { type ActionWorld, branch, createActionWorld, mockGitHub } from "./action-world.js";

const strict = useStrictNock();
let world: ActionWorld | undefined;

afterEach(() => {
  world?.cleanup();
  world = undefined;
});

async function attempt(
  scenario: string,
  inputs: Record<string, string> = {},
  pulls: { existing?: number } = {},
) {
  world = createActionWorld({ SCENARIO: scenario, ...inputs });
  const github = mockGitHub(strict(), world.spec, pulls);
  await run({ fetch: globalThis.fetch });
  const body = github.body();
  return { world, body, block: parseReportBlock(body), failed: process.exitCode === 1 };
}

const remoteFile = (w: ActionWorld, path: string) => w.remoteGit("show", `${branch}:${path}`);

describe("the Action", () => {
  it("runs the agent, pushes its work and its report to the task branch, and opens the PR with the report block", async () => {
    const { world, body, block, failed } = await attempt("success");
    expect(failed).toBe(false);
    expect(remoteFile(world, "src/api/login.ts")).toBe("export const login = () => true;\n");
    expect(remoteFile(world, "reports/T04.md")).toContain("**Cost:** $1.25");
    expect(world.remoteGit("log", "--format=%s", branch).split("\n")[0]).toBe("T04: work (attempt 1)");
    expect(block).toMatchObject({
      track: "12",
      task: "T04",
      attempt: 1,
      outcome: "completed",
      status: "done",
      changedFiles: ["src/api/login.ts"],
      scopeViolations: [],
      costUsd: 1.25,
      problems: [],
    });
    expect(block?.spawnCandidates.map((c) => c.title)).toEqual(["Rate-limit the login endpoint"]);
    expect(body).toContain("task issue #34");
    expect(world.outputs()).toEqual({
      "pull-request-number": "7",
      status: "done",
      "cost-usd": "1.25",
      "scope-violations": "",
    });
    expect(world.summary()).toContain("T04, attempt 1: done");
  });

  it("reports a write outside the touches, sets the output, and fails the run", async () => {
    const { block, body, world, failed } = await attempt("outside");
    expect(block?.scopeViolations).toEqual(["README.md"]);
    expect(body).toContain("**Outside the task's touches:** `README.md`");
    expect(world.outputs()["scope-violations"]).toBe("README.md");
    expect(failed).toBe(true);
  });

  it("reports a write outside the touches without failing when fail-on-scope-violation is false", async () => {
    const { block, failed } = await attempt("outside", { "INPUT_FAIL-ON-SCOPE-VIOLATION": "false" });
    expect(block?.scopeViolations).toEqual(["README.md"]);
    expect(failed).toBe(false);
  });

  it("saves what a crashing agent wrote and says the attempt failed", async () => {
    const { world, body, block, failed } = await attempt("crash");
    expect(failed).toBe(true);
    expect(remoteFile(world, "src/api/login.ts")).toBe("export const half = 1;\n");
    expect(block).toMatchObject({ outcome: "failed", status: "failed" });
    expect(block?.problems).toEqual(["the agent wrote no report at $SWARM_REPORT"]);
    expect(body).toContain("the agent failed (it exited with an error)");
    expect(body).toContain("What it had written is saved on this branch: `src/api/login.ts`");
  });

  it("stops an agent that runs past its time limit, pushes its work and says it timed out", async () => {
    const { world, body, block, failed } = await attempt("hang", { "INPUT_TIMEOUT-MINUTES": "0.02" });
    expect(failed).toBe(true);
    expect(block?.outcome).toBe("timed-out");
    expect(remoteFile(world, "src/api/login.ts")).toBe("export const early = 1;\n");
    expect(body).toContain("It was stopped after 0.02 minutes.");
    expect(world.outputs().status).toBe("timed-out");
  });

  it("pushes checkpoints while the agent works", async () => {
    const { world } = await attempt("slow", { "INPUT_CHECKPOINT-MINUTES": "0.01", SLOW_MS: "2500" });
    const subjects = world.remoteGit("log", "--format=%s", branch).split("\n");
    expect(subjects).toContain("T04: checkpoint (attempt 1)");
    expect(subjects[0]).toBe("T04: work (attempt 1)");
  });

  it("rejects a malformed, oversized, hostile report with reasons, keeps it raw, and executes nothing of it", async () => {
    const { world, body, block } = await attempt("hostile");
    expect(block?.problems.length).toBeGreaterThan(0);
    expect(block?.status).toBe("failed");
    expect(remoteFile(world, "reports/T04.md")).toContain("$(touch pwned)");
    expect(existsSync(join(world.workspace, "pwned"))).toBe(false);
    expect(existsSync(join(world.workspace, "pwned2"))).toBe(false);
    expect(body).not.toMatch(/(^|[^\\\w])@everyone/);
    expect(world.summary()).toContain("Problems with the report:");
    expect(body.length).toBeLessThanOrEqual(65_536);
  });

  it("updates the same pull request on a second attempt", async () => {
    const { block, world } = await attempt("success", { INPUT_ATTEMPT: "2" }, { existing: 7 });
    expect(block?.attempt).toBe(2);
    expect(world.outputs()["pull-request-number"]).toBe("7");
  });

  it("gives the agent its brief and routing but no token of any kind", async () => {
    const { world } = await attempt("env");
    const seen = JSON.parse(remoteFile(world, "src/api/env.json")) as Record<string, string>;
    expect(seen.SWARM_TASK).toBe("T04");
    expect(seen.SWARM_MODEL).toBe("sonnet");
    expect(readFileSync(seen.SWARM_BRIEF ?? "", "utf8")).toContain("# Brief: T04 (track #12, attempt 1)");
    const values = Object.entries(seen)
      .map(([name, value]) => `${name}=${value}`)
      .join("\n");
    expect(values).not.toContain("ghs_");
    expect(Object.keys(seen).filter((name) => name.startsWith("INPUT_"))).toEqual([]);
  });

  it("takes the cost from the agent's JSON result when the report names none", async () => {
    const { block } = await attempt("json-cost");
    expect(block?.costUsd).toBe(0.42);
  });
});

describe("the Action's inputs", () => {
  it("fail the step with every bad input named, before anything runs", async () => {
    world = createActionWorld({ INPUT_TRACK: "twelve", INPUT_ATTEMPT: "0", "INPUT_TIMEOUT-MINUTES": "soon" });
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    await run({ fetch: globalThis.fetch }).finally(() => spy.mockRestore());
    expect(process.exitCode).toBe(1);
    const error = printed.find((line) => line.startsWith("::error::")) ?? "";
    expect(error).toContain("Bad input: input track must be the track issue's number");
    expect(error).toContain("input attempt must be a whole number from 1 to 100000");
    expect(error).toContain('input timeout-minutes must be a number from 0.01 to 1440, not "soon"');
    expect(strict().requests).toEqual([]);
  });
});
