import { describe, expect, it } from "vitest";
import type { WorldIssue } from "../../../src/fake-github/repo-world.js";
import { documentFromText } from "../../../src/github/state/state-document.js";
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

async function dispatched(world: AppWorld): Promise<WorldIssue> {
  const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
  await world.deliver("issues", issuesPayload(world.world, track, "opened"));
  await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
  return track;
}

function engineOf(world: AppWorld, track: WorldIssue) {
  const read = world.world.state ? documentFromText(world.world.state.text) : null;
  const engine = read && "document" in read ? read.document.engine : null;
  return engine?.tracks[String(track.number)];
}

describe("/resume rebuilds the state from GitHub", () => {
  it("after the state document was damaged: runs in flight stay running, nothing is created or sent twice", async () => {
    const world = app();
    const track = await dispatched(world);
    const issues = world.world.appIssues().length;
    // A bad hand edit of the state document.
    world.world.state = { text: "{ not json", sha: "bad" };
    // Decisions stop and say what helps.
    await world.deliver("issue_comment", commentPayload(world.world, track, "/pause"));
    expect(track.comments.at(-1)?.body).toMatch(
      /^Nothing was done: the state document is damaged \(not JSON .*\); \/resume rebuilds it from GitHub\.$/,
    );
    await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"));
    const resumed = track.comments.find((c) => c.body.startsWith("**Resumed.**"));
    expect(resumed?.body).toContain("the state document was damaged (not JSON");
    expect(resumed?.body).toContain(
      `track #${track.number} was rebuilt from its plan and what GitHub shows of its 3 task issues`,
    );
    expect(world.world.appIssues()).toHaveLength(issues);
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T01", "T02"]);
    const state = engineOf(world, track);
    expect(state?.status).toBe("active");
    expect([state?.runs.T01?.status, state?.runs.T01?.attempt, state?.runs.T03?.status]).toEqual([
      "running",
      1,
      "blocked",
    ]);
    expect(track.comments.filter((c) => parseDashboardMarker(c.body))).toHaveLength(1);
  });

  it("after the document was lost: a failed task seen at attempt 1 is retried as attempt 2 on its branch", async () => {
    const world = app();
    const track = await dispatched(world);
    const [first] = world.world.runs;
    if (!first) throw new Error("no run");
    first.status = "completed";
    first.conclusion = "failure";
    await world.deliver("workflow_run", workflowRunPayload(world.world, first, "completed"));
    const t1 = world.world.appIssues()[0] as WorldIssue;
    // Its retries are used up: the task issue says failed.
    t1.labels = t1.labels.map((label) =>
      label.startsWith("swarm:") && label.endsWith("ready") ? "swarm:failed" : label,
    );
    world.world.state = null;
    await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"));
    expect(engineOf(world, track)?.runs.T01?.status).toBe("failed");
    await world.deliver("issue_comment", commentPayload(world.world, t1, "/retry"));
    expect(world.world.runs.map((run) => `${run.inputs.task}/${run.inputs.attempt}`)).toEqual([
      "T01/1",
      "T02/1",
      "T01/2",
    ]);
    expect(world.world.runs[2]?.branch).toBe(first.branch);
  });

  it("adds a track whose issue the document does not know (the app was installed after it was opened)", async () => {
    const world = app();
    const other = world.world.openIssue({ title: "Other", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, other, "opened"));
    // Opened while the app was not installed: no delivery ever came.
    const late = world.world.openIssue({ title: "Late", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issue_comment", commentPayload(world.world, late, "/resume"));
    expect(world.world.appIssues()).toHaveLength(6);
    expect(engineOf(world, late)?.status).toBe("active");
    expect(engineOf(world, other)?.status).toBe("idle");
  });
});
