import { describe, expect, it } from "vitest";
import type { WorldIssue } from "../../../src/fake-github/repo-world.js";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import {
  type AppWorld,
  commentPayload,
  issuesPayload,
  useAppWorld,
  workflowRunPayload,
} from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const app = useAppWorld({ permissions: { mona: "write" } });

async function startTrack(world: AppWorld): Promise<WorldIssue> {
  const track = world.world.openIssue({ title: "Login revamp", body: planBody, labels: ["swarm:track"] });
  await world.deliver("issues", issuesPayload(world.world, track, "opened"));
  return track;
}

const taskLabels = (world: AppWorld) =>
  Object.fromEntries(
    world.world
      .appIssues()
      .map((issue) => [
        issue.title.slice(0, 3),
        issue.labels.filter((l) =>
          /swarm:(ready|blocked|running|review|done|failed|needs-input|cancelled)$/.test(l),
        ),
      ]),
  );

describe("/dispatch", () => {
  it("creates a branch and starts the agent workflow for exactly the ready tasks, with identifiers only", async () => {
    const world = app();
    const track = await startTrack(world);
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
    expect(world.world.runs.map((run) => [run.branch, run.inputs])).toEqual([
      [`swarm/${track.number}/T01`, { track: String(track.number), task: "T01", attempt: "1" }],
      [`swarm/${track.number}/T02`, { track: String(track.number), task: "T02", attempt: "1" }],
    ]);
    expect(world.world.refs.get(`swarm/${track.number}/T01`)).toBe(world.world.refs.get("main"));
    expect(taskLabels(world)).toEqual({
      T01: ["swarm:running"],
      T02: ["swarm:running"],
      T03: ["swarm:blocked"],
    });
    const comment = track.comments.find((c) => c.body === "/dispatch");
    expect(comment?.reactions).toEqual(["eyes"]);
    const dashboard = track.comments.find((c) => parseDashboardMarker(c.body));
    expect(dashboard?.body).toContain("· active");
    expect(dashboard?.body).toMatch(
      /\| T01 \| dispatched \| 1 \|.*\[run\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/\d+\)/,
    );
    // One dashboard comment, edited, never a second one.
    expect(track.comments.filter((c) => parseDashboardMarker(c.body))).toHaveLength(1);
  });

  it("does nothing more when the same comment is delivered twice", async () => {
    const world = app();
    const track = await startTrack(world);
    const payload = commentPayload(world.world, track, "/dispatch");
    await world.deliver("issue_comment", payload, { id: "same" });
    const writes = world.world.stateWrites;
    await world.deliver("issue_comment", payload, { id: "same" });
    expect(world.world.runs).toHaveLength(2);
    expect(world.world.stateWrites).toBe(writes);
  });

  it("retries a failed run as the next attempt on the same branch when its backoff ends, never an attempt twice", async () => {
    const world = app();
    const track = await startTrack(world);
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
    const run = world.world.runs[0];
    if (!run) throw new Error("no run");
    run.status = "in_progress";
    await world.deliver("workflow_run", workflowRunPayload(world.world, run, "in_progress"));
    run.status = "completed";
    run.conclusion = "failure";
    await world.deliver("workflow_run", workflowRunPayload(world.world, run, "completed"));
    // The retry waits for its backoff (one minute), then goes out as attempt 2 on the same branch.
    expect(world.world.runs).toHaveLength(2);
    expect(world.wakes.map((wake) => wake.at)).toEqual([world.clock.now + 60_000]);
    await world.advance(world.clock.now + 60_000);
    expect(world.world.runs.map((r) => r.title)).toEqual([
      `swarm #${track.number} T01 attempt 1`,
      `swarm #${track.number} T02 attempt 1`,
      `swarm #${track.number} T01 attempt 2`,
    ]);
    // The redelivered failure changes nothing.
    await world.deliver("workflow_run", workflowRunPayload(world.world, run, "completed"));
    expect(world.world.runs).toHaveLength(3);
  });

  it("fails the attempt with a reason when the agent workflow does not exist", async () => {
    const world = app();
    world.world.options.workflows = [];
    const track = await startTrack(world);
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch T01"));
    const t1 = world.world.appIssues()[0];
    expect(t1?.comments.map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^T01 attempt 1 could not be dispatched: GitHub refused to start the agent workflow `swarm-agent.yml` on `swarm\/\d+\/T01`/,
      ),
    ]);
    expect(world.world.runs).toEqual([]);
    // Nothing ran, so nothing is booked against the budget.
    const dashboard = track.comments.find((c) => parseDashboardMarker(c.body));
    expect(dashboard?.body).toContain("**Spent:** $0.00 of $40.00");
  });
});
