import { describe, expect, it } from "vitest";
import type { WorldIssue, WorldUser } from "../../../src/fake-github/repo-world.js";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import {
  type AppWorld,
  commentPayload,
  issuesPayload,
  useAppWorld,
  workflowRunPayload,
} from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const app = useAppWorld({
  permissions: { mona: "write", max: "maintain", ada: "admin", guest: "read" },
});
const guest: WorldUser = { login: "guest", type: "User" };
const max: WorldUser = { login: "max", type: "User" };

async function startTrack(world: AppWorld, body = planBody): Promise<WorldIssue> {
  const track = world.world.openIssue({ title: "Login revamp", body, labels: ["swarm:track"] });
  await world.deliver("issues", issuesPayload(world.world, track, "opened"));
  return track;
}

async function say(world: AppWorld, issue: WorldIssue, body: string, author?: WorldUser): Promise<string[]> {
  const before = issue.comments.length;
  await world.deliver("issue_comment", commentPayload(world.world, issue, body, author));
  // The replies: comments after the command, the dashboard left out.
  return issue.comments
    .slice(before + 1)
    .filter((comment) => !parseDashboardMarker(comment.body))
    .map((comment) => comment.body);
}

const dashboardOf = (issue: WorldIssue) =>
  issue.comments.find((c) => parseDashboardMarker(c.body))?.body ?? "";
const task = (world: AppWorld, id: string) =>
  world.world.appIssues().find((issue) => issue.title.startsWith(`${id}:`)) as WorldIssue;

describe("commands and who may give them", () => {
  it("refuses /dispatch from a read-only user with the reason, reacts confused, and dispatches nothing", async () => {
    const world = app();
    const track = await startTrack(world);
    const replies = await say(world, track, "/dispatch", guest);
    expect(replies).toEqual([
      "`/dispatch` (line 1) was not run: it needs write access, and `guest` has read access.",
    ]);
    expect(track.comments.find((c) => c.body === "/dispatch")?.reactions).toEqual(["confused"]);
    expect(world.world.runs).toEqual([]);
  });

  it("ignores a bot's command before making any request", async () => {
    const world = app();
    const track = await startTrack(world);
    const before = world.strict.requests.length;
    await say(world, track, "/dispatch", { login: "ci[bot]", type: "Bot" });
    expect(world.strict.requests.length).toBe(before);
  });

  it("ignores comments with no command line, and commands inside code or quotes, before any request", async () => {
    const world = app();
    const track = await startTrack(world);
    const before = world.strict.requests.length;
    await say(world, track, "Looks good! We could /dispatch later.\n\n```\n/dispatch\n```\n\n> /dispatch");
    expect(world.strict.requests.length).toBe(before);
  });

  it("needs maintain for /unlock and /budget, and runs them for a maintainer", async () => {
    const world = app();
    const track = await startTrack(world);
    expect(await say(world, track, "/budget 25")).toEqual([
      "`/budget` (line 1) was not run: it needs maintain or admin access, and `mona` has write access.",
    ]);
    const replies = await say(world, track, "/budget 25", max);
    expect(replies).toEqual(["Budget: $25.00 ($0.00 spent); spawn budget 20 (0 spawned)."]);
    expect(dashboardOf(track)).toContain("**Spent:** $0.00 of $25.00");
    await say(world, track, "/dispatch T01");
    await say(world, track, "/unlock T01", max);
    // The engine's answer about one task goes to that task's issue.
    expect(task(world, "T01").comments.map((c) => c.body)).toEqual([
      "T01's lock was released by @\u200dmax; other tasks may now write its files.",
    ]);
  });

  it("answers /status and /plan without changing anything", async () => {
    const world = app();
    const track = await startTrack(world);
    const writes = world.world.stateWrites;
    const [status] = await say(world, track, "/status");
    expect(status).toContain("**Status:** the track waits for `/dispatch`.");
    expect(status).toMatch(/The \[dashboard\]\(#issuecomment-\d+\) has the rest\./);
    expect(status).toContain("#### Ready queue");
    const [plan] = await say(world, track, "/plan");
    expect(plan).toContain("**Dry run** (`/plan`)");
    expect(plan).toContain("# Continuous dispatch plan — Login revamp");
    expect(plan).toContain("```mermaid");
    expect(world.world.stateWrites).toBe(writes);
    expect(world.world.runs).toEqual([]);
  });

  it("/pause stops new dispatches (a retry that falls due waits) and /dispatch goes on", async () => {
    const world = app();
    const track = await startTrack(world);
    await say(world, track, "/dispatch");
    await say(world, track, "/pause");
    expect(dashboardOf(track)).toContain("· paused");
    const run = world.world.runs[0] as (typeof world.world.runs)[number];
    run.status = "completed";
    run.conclusion = "failure";
    await world.deliver("workflow_run", workflowRunPayload(world.world, run, "completed"));
    await world.advance(world.clock.now + 3_600_000);
    expect(world.world.runs).toHaveLength(2);
    await say(world, track, "/dispatch");
    expect(world.world.runs.map((r) => `${r.inputs.task}/${r.inputs.attempt}`)).toEqual([
      "T01/1",
      "T02/1",
      "T01/2",
    ]);
  });

  it("/cancel T01 on its task issue cancels its run, closes the issue as not planned, releases its lock; /retry brings it back", async () => {
    const world = app();
    const track = await startTrack(world);
    await say(world, track, "/dispatch");
    const t1 = task(world, "T01");
    await say(world, t1, "/cancel");
    expect(world.world.runs[0]?.conclusion).toBe("cancelled");
    expect(world.world.runs[1]?.status).toBe("queued");
    expect([t1.state, t1.stateReason]).toEqual(["closed", "not_planned"]);
    expect(t1.labels).toContain("swarm:cancelled");
    expect(task(world, "T02").state).toBe("open");
    await say(world, t1, "/retry");
    expect([t1.state, t1.labels.includes("swarm:running")]).toEqual(["open", true]);
    expect(world.world.runs.map((run) => run.title.replace(/#\d+ /, ""))).toEqual([
      "swarm T01 attempt 1",
      "swarm T02 attempt 1",
      "swarm T01 attempt 2",
    ]);
  });

  it("/cancel on the track cancels every run and closes every open task issue", async () => {
    const world = app();
    const track = await startTrack(world);
    await say(world, track, "/dispatch");
    await say(world, track, "/cancel");
    expect(world.world.runs.map((run) => run.conclusion)).toEqual(["cancelled", "cancelled"]);
    expect(world.world.appIssues().map((issue) => [issue.state, issue.stateReason])).toEqual([
      ["closed", "not_planned"],
      ["closed", "not_planned"],
      ["closed", "not_planned"],
    ]);
    expect(dashboardOf(track)).toContain("**Cancelled:**");
    expect(await say(world, track, "/dispatch")).toEqual([
      "The track is cancelled; commands no longer apply.",
    ]);
  });

  it("/answer releases a task that waits for a person, on its own issue without naming it", async () => {
    const world = app();
    const body = planBody.replace(
      "    touches: [src/ui/login.tsx]\n",
      "    touches: [src/ui/login.tsx]\n    needsUserInput: true\n",
    );
    const track = await startTrack(world, body);
    await say(world, track, "/dispatch");
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T01"]);
    const t2 = task(world, "T02");
    expect(t2.labels).toContain("swarm:needs-input");
    await say(world, t2, "/answer Use the hosted captcha,\nnot our own.");
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T01", "T02"]);
    // The agent's brief is the task issue: the answer is in it now, above the app's marker.
    expect(t2.body).toContain("### Answers");
    expect(t2.body).toContain("   > Use the hosted captcha,");
    expect(t2.body.indexOf("### Answers")).toBeLessThan(t2.body.indexOf("<!-- swarm-dispatch:task "));
  });

  it("/answer E-02 names the second open question of the track; /unlock src/ui/login.tsx names a lock by its path", async () => {
    const world = app();
    const body = planBody
      .replace(
        "    touches: [src/db/session.ts]\n",
        "    touches: [src/db/session.ts]\n    needsUserInput: true\n",
      )
      .replace(
        "    touches: [src/ui/login.tsx]\n",
        "    touches: [src/ui/login.tsx]\n    needsUserInput: true\n",
      );
    const track = await startTrack(world, body);
    await say(world, track, "/dispatch");
    expect(world.world.runs).toEqual([]);
    expect(await say(world, track, "/answer E-09 maybe")).toEqual([
      "`/answer E-09`: no open question has that id; the dashboard lists them as E-01, E-02, …",
    ]);
    await say(world, track, "/answer E-02 Use the hosted form.");
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T02"]);
    expect(await say(world, track, "/unlock src/api/", max)).toEqual([
      "`/unlock src/api/`: no task of this track holds a lock on that path.",
    ]);
    await say(world, track, "/unlock src/ui/login.tsx", max);
    expect(task(world, "T02").comments.map((c) => c.body)).toContain(
      "T02's lock was released by @\u200dmax; other tasks may now write its files.",
    );
  });

  it("leaves the dashboard alone when nothing it shows changed", async () => {
    const world = app();
    const track = await startTrack(world);
    const patches = () =>
      world.strict.requests.filter((r) => r.method === "PATCH" && r.url.includes("/issues/comments/")).length;
    const before = patches();
    await say(world, track, "/status");
    await say(world, track, "/plan");
    await say(world, track, "/pause");
    expect(patches()).toBe(before);
    await say(world, track, "/dispatch T01");
    expect(patches()).toBe(before + 1);
  });

  it("answers an unknown command or a bad argument with a short help", async () => {
    const world = app();
    const track = await startTrack(world);
    const [reply] = await say(world, track, "/dispatchh\n\n/retry");
    expect(reply).toContain("Line 1: `/dispatchh` is not a command; did you mean `/dispatch`?");
    expect(reply).toContain("Line 3: `/retry` needs a task id; write `/retry T04`.");
    expect(reply).toContain("| `/budget $25 [spawn 10]` |");
  });

  it("answers a comment longer than GitHub allows and reads only its beginning", async () => {
    const world = app();
    const track = await startTrack(world);
    const [reply] = await say(world, track, `/status\n${"x".repeat(70_000)}`);
    expect(reply).toContain("**Status:**");
    expect(reply).toContain("This comment is longer than GitHub allows (65,536 characters)");
  });
});
