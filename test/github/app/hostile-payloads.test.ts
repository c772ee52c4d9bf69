import { describe, expect, it } from "vitest";
import { taskMarker } from "../../../src/render/task-issue-marker.js";
import {
  commentPayload,
  issuesPayload,
  useAppWorld,
  workflowRunPayload,
} from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const app = useAppWorld({ permissions: { mona: "write" } });

describe("broken, hostile and oversized deliveries", () => {
  it("are ignored without a request when fields the handler needs are missing", async () => {
    const world = app();
    const issue = world.world.openIssue({ title: "x", body: planBody, labels: ["swarm:track"] });
    const noLabels = issuesPayload(world.world, issue, "opened") as { issue: Record<string, unknown> };
    delete noLabels.issue.labels;
    await world.deliver("issues", noLabels);
    const noBody = commentPayload(world.world, issue, "/dispatch") as { comment: Record<string, unknown> };
    noBody.comment.body = null;
    await world.deliver("issue_comment", noBody);
    const run = {
      id: 77,
      workflow: "swarm-agent.yml",
      branch: "main",
      title: "swarm #1 T01 attempt 1",
      inputs: {},
      status: "completed" as const,
      conclusion: "failure",
    };
    // A run named like the app's, but not on the task's branch, is someone else's.
    await world.deliver("workflow_run", workflowRunPayload(world.world, run, "completed"));
    await world.deliver(
      "workflow_run",
      workflowRunPayload(world.world, { ...run, branch: "swarm/1/T02" }, "completed"),
    );
    const pushed = workflowRunPayload(world.world, { ...run, branch: "swarm/1/T01" }, "completed") as {
      workflow_run: Record<string, unknown>;
    };
    pushed.workflow_run.event = "push";
    await world.deliver("workflow_run", pushed);
    expect(world.strict.requests).toEqual([]);
  });

  it("treat a person's issue that copies a task marker as no task issue", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    const fake = world.world.openIssue({
      title: "fake",
      body: `${taskMarker(track.number, "T01")}\n`,
      labels: ["swarm:task", `swarm:track-${track.number}`],
    });
    const before = world.strict.requests.length;
    await world.deliver("issue_comment", commentPayload(world.world, fake, "/cancel"));
    expect(world.strict.requests.length).toBe(before);
  });

  it("read at most 20 commands of a comment of 9,000 command lines, and say so once", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    const body = Array.from({ length: 9000 }, () => "/pause").join("\n");
    await world.deliver("issue_comment", commentPayload(world.world, track, body));
    const replies = track.comments.filter(
      (c) => c.user.type === "Bot" && c.body.includes("Only the first 20 commands"),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain("8980 more from line 21 on were ignored");
  });

  it("do not let a plan edit that removes the plan corrupt the track", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    const state = world.world.state?.text;
    track.body = "\u0000\u0000 not a plan";
    await world.deliver("issues", issuesPayload(world.world, track, "edited"));
    expect(world.world.state?.text).toBe(state);
    expect(track.comments.some((c) => c.body.includes("**This plan was not started.**"))).toBe(true);
  });
});
