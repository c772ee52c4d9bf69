// The whole loop on the GitHub fake: the swarm-iosm demo plan from "issue opened" to "track closed", with the
// app running as in production (its own process, GHE_HOST pointing at the fake), the Action (dist/index.js)
// running each attempt with the scripted agent, CI failing T04's first push, a person answering T05's question
// and fixing T04's tests. What is asserted is the fake's final state, as a user would find the repository.

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { WorldIssue, WorldPull } from "../../src/fake-github/repo-world.js";
import { readScenario } from "../../src/fake-github/track/scenario.js";
import { runTrackSession, type TrackSessionResult } from "../../src/fake-github/track/track-session.js";

const root = process.cwd();
const scenarioFile = join(root, "fixtures/demo/scenario.json");
let session: TrackSessionResult;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "swarm-e2e-"));
  session = await runTrackSession({
    planText: readFileSync(join(root, "fixtures/plans/demo-track.md"), "utf8"),
    scenario: await readScenario(scenarioFile),
    scenarioFile,
    workDir,
    appArgs: ["--import", "tsx", "src/github/start/main.ts"],
    root,
    timeoutMs: 150_000,
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await rm(workDir, { recursive: true, force: true });
});

const taskIssue = (id: string): WorldIssue => {
  const found = session.fake.world.appIssues().find((issue) => issue.title.startsWith(`${id}:`));
  if (!found) throw new Error(`no task issue for ${id}`);
  return found;
};
const pullOf = (id: string): WorldPull => {
  const found = [...session.fake.world.pulls.values()].find((pull) => pull.branch.endsWith(`/${id}`));
  if (!found) throw new Error(`no pull request for ${id}`);
  return found;
};
const checksOn = (sha: string) =>
  Object.fromEntries(
    session.fake.world.checkRuns
      .filter((run) => run.headSha === sha)
      .map((run) => [run.name, run.conclusion]),
  );

describe("the demo track on the GitHub fake", () => {
  it("runs from the track issue to the track's close, every request and webhook as GitHub describes them", () => {
    expect(session.outcome, session.appOutput.slice(-3000)).toBe("closed");
    expect(session.track.state).toBe("closed");
    session.fake.assertClean();
    expect(session.runner.records.map((record) => record.exitCode)).toEqual(
      session.runner.records.map(() => 0),
    );
  });

  it("dispatches in dependency order, in parallel where the plan allows, each attempt once", () => {
    const [first, ...rest] = session.dispatches;
    expect(first).toBe("T03/1");
    expect(new Set(rest.slice(0, 3))).toEqual(new Set(["T04/1", "T05/1", "T-AUTO-01/1"]));
    expect(rest.slice(3)).toEqual(["T05/2", "T06/1"]);
    const parallel = session.spans.filter(
      (span) => ["T04", "T05", "T-AUTO-01"].includes(span.task) && span.attempt === 1,
    );
    const overlap = parallel.some((a) =>
      parallel.some((b) => a !== b && a.startMs < (b.endMs ?? 0) && b.startMs < (a.endMs ?? 0)),
    );
    expect(overlap).toBe(true);
  });

  it("ends with every task issue closed as done, the spawned one blocked by its reporter", () => {
    for (const id of ["T03", "T04", "T05", "T06", "T-AUTO-01"]) {
      const issue = taskIssue(id);
      expect(issue.state, id).toBe("closed");
      expect(issue.labels, id).toContain("swarm:done");
    }
    const spawned = taskIssue("T-AUTO-01");
    expect(spawned.title).toBe("T-AUTO-01: Add a cache warm-up command");
    expect(spawned.blockedBy).toEqual([taskIssue("T03").number]);
    expect(session.track.subIssues).toContain(spawned.number);
    expect(taskIssue("T04").body).toContain("Use CacheService().get/set");
  });

  it("asks T05's question on its task issue, and the answer sends the second attempt", () => {
    const t05 = taskIssue("T05");
    const bodies = t05.comments.map((comment) => comment.body);
    expect(
      bodies.some((body) => body.startsWith("**T05 waits for a person.**") && body.includes("E-01")),
    ).toBe(true);
    expect(bodies).toContain("/answer Ten minutes: transits may be 600 s old.");
    expect(t05.body).toContain("Ten minutes: transits may be 600 s old.");
  });

  it("fails Gate-O on T04's first push and passes it on the person's fix, then merges", () => {
    const pull = pullOf("T04");
    const gateRuns = session.fake.world.checkRuns.filter(
      (run) => run.name === "swarm/Gate-O" && run.headSha !== pull.headSha,
    );
    const firstHeads = gateRuns.filter((run) =>
      session.fake.world.checkRuns.some(
        (ci) => ci.headSha === run.headSha && ci.name === "test" && ci.conclusion === "failure",
      ),
    );
    expect(firstHeads.map((run) => run.conclusion)).toContain("failure");
    expect(checksOn(pull.headSha)).toMatchObject({ test: "success", "swarm/Gate-O": "success" });
    expect(session.people.actions).toEqual(expect.arrayContaining(["fixed T04", "answered T05"]));
  });

  it("merges every task pull request with all its checks passed, T06 last", () => {
    const merges = session.fake.world.merges;
    const order = merges.map((number) => session.fake.world.pulls.get(number)?.branch.split("/").at(-1));
    expect(order[0]).toBe("T03");
    expect(order.at(-1)).toBe("T06");
    expect(new Set(order)).toEqual(new Set(["T03", "T04", "T05", "T-AUTO-01", "T06"]));
    for (const id of ["T03", "T04", "T05", "T-AUTO-01", "T06"]) {
      const pull = pullOf(id);
      expect(pull.merged, id).toBe(true);
      expect(checksOn(pull.headSha), id).toMatchObject({
        "swarm/locks": "success",
        "swarm/report": "success",
        "swarm/branch": "success",
      });
    }
  });

  it("leaves the work on main, warns at 80 % of the budget, and closes the track with its final report", async () => {
    const git = session.fake.git;
    expect(await git.readFile("main", "backend/core/cache.py")).toContain("class CacheService");
    expect(await git.readFile("main", "backend/api/transits.py")).toContain("ttl=600");
    expect(await git.readFile("main", "tests/test_natal.py")).toContain("# fixed");
    expect(await git.readFile("main", "backend/core/warmup.py")).toContain("def warm_up");
    const comments = session.track.comments.map((comment) => comment.body);
    expect(comments.some((body) => body.startsWith("Budget warning: $24.00 of $30.00 spent (80 %)"))).toBe(
      true,
    );
    const final = comments.find((body) => body.startsWith("## Swarm Dispatch: the track is complete"));
    expect(final).toBeDefined();
    for (const id of ["T03", "T04", "T05", "T06", "T-AUTO-01"]) expect(final).toContain(id);
    const dashboard = comments.find((body) => body.startsWith("## Swarm Dispatch dashboard")) ?? "";
    for (const id of ["T03", "T04", "T05", "T06", "T-AUTO-01"]) expect(dashboard).toContain(id);
  });

  it("asks GitHub only for what app.yml grants the App", () => {
    const granted = (
      parse(readFileSync(join(root, "app.yml"), "utf8")) as { default_permissions: Record<string, string> }
    ).default_permissions;
    const needed = new Map<string, string>();
    for (const request of session.fake.requests.filter((r) => r.client === "app")) {
      const permission = permissionOf(request.template);
      if (permission === null) continue;
      const level = request.method === "GET" ? "read" : "write";
      if (needed.get(permission) !== "write") needed.set(permission, level);
    }
    expect(needed.size).toBeGreaterThan(4);
    for (const [permission, level] of needed) {
      expect(granted[permission], `${permission}: ${level}`).toBeDefined();
      if (level === "write") expect(granted[permission], permission).toBe("write");
    }
  });
});

/** The App permission a REST path template needs (null: App-level endpoints the installation token does not use). */
function permissionOf(template: string): string | null {
  const rest = /^\/repos\/\{owner\}\/\{repo\}(\/.*)?$/.exec(template)?.[1] ?? null;
  if (rest === null) return template.startsWith("/repos/") ? "metadata" : null;
  if (/^\/(issues|labels)/.test(rest)) return "issues";
  if (/^\/pulls/.test(rest)) return "pull_requests";
  if (/check-runs|check-suites/.test(rest)) return "checks";
  if (/^\/actions/.test(rest)) return "actions";
  if (/^\/(contents|git)\//.test(rest)) return "contents";
  return "metadata";
}
