import { describe, expect, it } from "vitest";
import type { WorldIssue, WorldPull } from "../../../src/fake-github/repo-world.js";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import { type AppWorld, commentPayload, issuesPayload, useAppWorld } from "../../support/github/app-world.js";
import {
  checkSuitePayload,
  openTaskPull,
  pullPayload,
  reportBlock,
  rerequestedPayload,
} from "../../support/github/pull-world.js";

// T01 and T02 first; T03 waits for both and writes T02's file too. T01 is checked by Gate-O.
const body = [
  "```yaml",
  "track: { title: Login, maxParallel: 3, spawnBudget: 5 }",
  "gates:",
  "  - { name: Gate-O, target: tests pass }",
  "tasks:",
  "  - { id: T01, title: Session schema, touches: [src/db/], gates: [Gate-O] }",
  "  - { id: T02, title: Login form, touches: [src/ui/login.tsx] }",
  "  - { id: T03, title: Wire it, deps: [T01, T02], touches: [src/ui/login.tsx, src/api/] }",
  "```",
].join("\n");

const app = useAppWorld({ permissions: { mona: "write", max: "maintain" } });

async function running(world: AppWorld): Promise<WorldIssue> {
  const track = world.world.openIssue({ title: "Login", body, labels: ["swarm:track"] });
  await world.deliver("issues", issuesPayload(world.world, track, "opened"));
  await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
  return track;
}

const branchOf = (track: WorldIssue, unit: string) => `swarm/${track.number}/${unit}`;
const task = (world: AppWorld, id: string) =>
  world.world.appIssues().find((issue) => issue.title.startsWith(`${id}:`)) as WorldIssue;
const dashboard = (track: WorldIssue) => track.comments.find((c) => parseDashboardMarker(c.body))?.body ?? "";

async function report(
  world: AppWorld,
  track: WorldIssue,
  unit: string,
  changes: Partial<Parameters<typeof reportBlock>[0]> = {},
  extra: string[] = [],
) {
  const pull = openTaskPull(
    world.world,
    branchOf(track, unit),
    reportBlock({ track: String(track.number), task: unit, ...changes }),
    extra,
  );
  await world.deliver("pull_request", pullPayload(world.world, pull, "opened"));
  return pull;
}

/** A person's pull request that changes T02's file, while T02 runs. */
async function personsPull(world: AppWorld): Promise<WorldPull> {
  const mona = { login: "mona", type: "User" as const };
  const files = [{ path: "src/ui/login.tsx", status: "modified" }];
  const human = world.world.openPull({ branch: "fix-login", body: "Quick fix", author: mona, files });
  await world.deliver("pull_request", pullPayload(world.world, human, "opened", mona));
  return human;
}

async function merge(world: AppWorld, pull: WorldPull) {
  pull.state = "closed";
  pull.merged = true;
  await world.deliver(
    "pull_request",
    pullPayload(world.world, pull, "closed", { login: "max", type: "User" }),
  );
}

describe("a task's pull request", () => {
  it("brings its report: safe work is spawned, work needing a person waits, a critical finding stops the track", async () => {
    const world = app();
    const track = await running(world);
    const candidate = (title: string, severity: "low" | "critical", needsUserInput = false) => ({
      id: "SC-1",
      title,
      touches: ["src/db/index.ts"],
      effort: "S",
      effortHours: 1,
      needsUserInput,
      severity,
      dedupKey: null,
      acceptance: null,
    });
    await report(world, track, "T01", {
      changedFiles: ["src/db/session.ts"],
      spawnCandidates: [
        candidate("Index the sessions", "low"),
        candidate("Pick a retention period", "low", true),
      ],
    });
    const spawned = world.world.appIssues().find((issue) => issue.title.startsWith("T-AUTO-01"));
    expect(spawned?.title).toBe("T-AUTO-01: Index the sessions");
    expect(
      task(world, "T01")
        .comments.map((c) => c.body)
        .join("\n"),
    ).toContain('"Pick a retention period" (low) not spawned');
    expect(task(world, "T01").labels).toContain("swarm:review");
    await report(world, track, "T02", {
      changedFiles: ["src/ui/login.tsx"],
      spawnCandidates: [candidate("The session store leaks tokens", "critical")],
    });
    expect(track.comments.some((c) => c.body.startsWith("**The track stopped** (critical)"))).toBe(true);
  });

  it("turns an escalation into a question on the task issue, and /answer there sends the next attempt", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", {
      changedFiles: ["src/db/session.ts"],
      escalations: [
        { id: "E-01", title: "Which store?", question: "Redis or Postgres for sessions, @alice?" },
      ],
    });
    // Not mergeable as it is (auto-merge neither): the task is not finished.
    expect(world.world.check(pull.headSha, "swarm/report")).toMatchObject({
      conclusion: "failure",
      title: "Attempt 1 waits for a person",
    });
    const t1 = task(world, "T01");
    expect(t1.labels).toContain("swarm:needs-input");
    const asked = t1.comments.find((c) => c.body.startsWith("**T01 waits for a person.**"));
    expect(asked?.body).toContain(
      "- **E-01:** E-01: Which store? — Redis or Postgres for sessions, @\u200dalice?",
    );
    await world.deliver("issue_comment", commentPayload(world.world, t1, "/answer Postgres."));
    expect(world.world.runs.map((run) => `${run.inputs.task}/${run.inputs.attempt}`)).toContain("T01/2");
    expect(t1.body).toContain("   > Postgres.");
  });

  it("spawns a finding reported twice (by two tasks) once", async () => {
    const world = app();
    const track = await running(world);
    const finding = {
      id: "SC-1",
      title: "Add an index",
      touches: ["src/db/index.ts"],
      effort: "S",
      effortHours: 1,
      needsUserInput: false,
      severity: "low" as const,
      dedupKey: "index|db",
      acceptance: null,
    };
    await report(world, track, "T01", { changedFiles: ["src/db/a.ts"], spawnCandidates: [finding] });
    await report(world, track, "T02", {
      changedFiles: ["src/ui/login.tsx"],
      spawnCandidates: [{ ...finding, title: "Index the db" }],
    });
    expect(world.world.appIssues().filter((issue) => issue.title.startsWith("T-AUTO"))).toHaveLength(1);
  });

  it("shows an invalid report as a failed check with the reasons, and spawns nothing from it", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", {
      status: "failed",
      problems: ["the agent wrote no report at $SWARM_REPORT"],
    });
    const check = world.world.check(pull.headSha, "swarm/report");
    expect([check?.conclusion, check?.title]).toEqual(["failure", "The agent's report was rejected"]);
    expect(check?.summary).toContain("the agent wrote no report at $SWARM_REPORT");
    expect(world.world.appIssues().some((issue) => issue.title.startsWith("T-AUTO"))).toBe(false);
  });

  it("fails swarm/locks for scope creep and for a file another running task holds, annotating each file", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"] }, [
      "README.md",
      "src/ui/login.tsx",
    ]);
    const locks = world.world.check(pull.headSha, "swarm/locks");
    expect(locks?.conclusion).toBe("failure");
    expect(locks?.annotations.map((a) => [a.path, a.annotation_level])).toEqual([
      ["README.md", "failure"],
      ["src/ui/login.tsx", "failure"],
      ["src/ui/login.tsx", "failure"],
    ]);
    expect(locks?.summary).toContain("`T02` of track");
    expect(locks?.summary).toContain("/unlock");
  });

  it("only warns on a person's pull request that changes a locked path when otherPullRequests is warn", async () => {
    const world = app();
    world.world.settings = "otherPullRequests: warn\n";
    await running(world);
    const human = await personsPull(world);
    const locks = world.world.check(human.headSha, "swarm/locks");
    expect(locks?.conclusion).toBe("neutral");
    expect(locks?.annotations[0]).toMatchObject({ path: "src/ui/login.tsx", annotation_level: "warning" });
  });

  it("cuts a check's output to GitHub's limits and sends every annotation, 50 at a time", async () => {
    const world = app();
    const track = await running(world);
    const many = Array.from({ length: 1200 }, (_, k) => `docs/${"deep/".repeat(20)}page-${k}.md`);
    const pull = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"] }, many);
    const locks = world.world.check(pull.headSha, "swarm/locks");
    expect(locks?.conclusion).toBe("failure");
    expect(Buffer.byteLength(locks?.summary ?? "")).toBeLessThanOrEqual(65_535);
    expect(locks?.summary).toContain("… and 1150 more (each is annotated)");
    expect(locks?.annotations).toHaveLength(1200);
  });

  it("fails swarm/locks on a person's pull request that changes a locked path", async () => {
    const world = app();
    await running(world);
    const human = await personsPull(world);
    const locks = world.world.check(human.headSha, "swarm/locks");
    expect(locks?.conclusion).toBe("failure");
    expect(locks?.annotations[0]).toMatchObject({ path: "src/ui/login.tsx", annotation_level: "failure" });
    expect(world.world.check(human.headSha, "swarm/report")).toBeUndefined();
    // Releasing the lock checks the pull request it blocked again.
    await world.deliver(
      "issue_comment",
      commentPayload(world.world, world.world.issue(1), "/unlock T02", { login: "max", type: "User" }),
    );
    expect(world.world.check(human.headSha, "swarm/locks")?.conclusion).toBe("success");
  });

  it("holds Gate-O pending until CI finishes, fails it, and passes it on a new push whose CI passes", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"] });
    expect(world.world.check(pull.headSha, "swarm/Gate-O")?.status).toBe("in_progress");
    world.world.ciCheck(pull.headSha, "test", "completed", "failure");
    await world.deliver("check_suite", checkSuitePayload(world.world, pull));
    expect(world.world.check(pull.headSha, "swarm/Gate-O")).toMatchObject({
      status: "completed",
      conclusion: "failure",
    });
    expect(dashboard(track)).toMatch(/\| Gate-O \| tests pass \| 1 failing \| fail \|/);
    pull.headSha = world.world.sha("second push");
    await world.deliver("pull_request", pullPayload(world.world, pull, "synchronize"));
    world.world.ciCheck(pull.headSha, "test", "completed", "success");
    await world.deliver("check_suite", checkSuitePayload(world.world, pull));
    expect(world.world.check(pull.headSha, "swarm/Gate-O")).toMatchObject({
      status: "completed",
      conclusion: "success",
    });
    expect(dashboard(track)).toMatch(/\| Gate-O \| tests pass \| pass \| pass \|/);
  });

  it("evaluates a check again when someone asks to re-run it", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"] });
    world.world.ciCheck(pull.headSha, "test", "completed", "success");
    await world.deliver("check_run", rerequestedPayload(world.world, pull, "swarm/Gate-O"));
    expect(world.world.check(pull.headSha, "swarm/Gate-O")?.conclusion).toBe("success");
  });

  it("once merged, closes its task, hands its note to the dependent and dispatches it in the same delivery", async () => {
    const world = app();
    const track = await running(world);
    const first = await report(world, track, "T01", {
      changedFiles: ["src/db/session.ts"],
      handoff: "The schema lives in src/db/session.ts; @alice owns it.",
    });
    const second = await report(world, track, "T02", { changedFiles: ["src/ui/login.tsx"] });
    await merge(world, first);
    expect([task(world, "T01").state, task(world, "T01").stateReason]).toEqual(["closed", "completed"]);
    expect(task(world, "T03").body).toContain("The schema lives in src/db/session.ts; @\u200dalice owns it.");
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T01", "T02"]);
    await merge(world, second);
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T01", "T02", "T03"]);
  });

  it("closed without merging fails the attempt, and /retry sends it again", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T02", { changedFiles: ["src/ui/login.tsx"] });
    pull.state = "closed";
    await world.deliver(
      "pull_request",
      pullPayload(world.world, pull, "closed", { login: "max", type: "User" }),
    );
    expect(task(world, "T02").labels).toContain("swarm:failed");
    await world.deliver("issue_comment", commentPayload(world.world, task(world, "T02"), "/retry"));
    expect(world.world.runs.map((run) => `${run.inputs.task}/${run.inputs.attempt}`)).toContain("T02/2");
  });

  it("repairs a merge whose webhook was lost on /resume", async () => {
    const world = app();
    const track = await running(world);
    const pull = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"] });
    pull.state = "closed";
    pull.merged = true;
    await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"));
    expect(task(world, "T01").state).toBe("closed");
    expect(track.comments.find((c) => c.body.startsWith("**Resumed.**"))?.body).toContain(
      `T01: its pull request #${pull.number} was merged while the app was not told`,
    );
  });

  it("ends the track with a final report and closes the track issue", async () => {
    const world = app();
    const track = await running(world);
    const t1 = await report(world, track, "T01", { changedFiles: ["src/db/session.ts"], costUsd: 2.5 });
    world.world.ciCheck(t1.headSha, "test", "completed", "success");
    await world.deliver("check_suite", checkSuitePayload(world.world, t1));
    await merge(world, t1);
    await merge(world, await report(world, track, "T02", { changedFiles: ["src/ui/login.tsx"], costUsd: 1 }));
    await merge(world, await report(world, track, "T03", { changedFiles: ["src/api/login.ts"], costUsd: 4 }));
    const final = track.comments.find((c) => c.body.startsWith("## Swarm Dispatch: the track is complete"));
    expect(final?.body).toContain("| T03 | Wire it | done | 1 |");
    expect(final?.body).toContain("- **Cost:** $7.50 (no budget)");
    expect(final?.body).toContain("- **Gates:** Gate-O pass (pass)");
    expect([track.state, track.stateReason]).toEqual(["closed", "completed"]);
  });

  it("is merged by the app once every check passes, with auto-merge on", async () => {
    const world = app();
    world.world.settings = "autoMerge: true\n";
    const track = await running(world);
    const pull = await report(world, track, "T02", { changedFiles: ["src/ui/login.tsx"] });
    world.world.ciCheck(pull.headSha, "test", "completed", "success");
    await world.deliver("check_suite", checkSuitePayload(world.world, pull));
    expect(world.world.merges).toEqual([pull.number]);
    expect(task(world, "T02").state).toBe("closed");
  });
});
