import { describe, expect, it } from "vitest";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import { parseTaskMarker } from "../../../src/render/task-issue-marker.js";
import { issuesPayload, useAppWorld } from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const trackLabels = ["swarm:track"];
const app = useAppWorld({ permissions: { mona: "write", guest: "read" } });

describe("a plan issue becomes a track", () => {
  it("creates one task issue per unit with its brief, labels, sub-issue and dependencies, and a dashboard", async () => {
    const { world, deliver } = app();
    const track = world.openIssue({ title: "Login revamp", body: planBody, labels: trackLabels });
    await deliver("issues", issuesPayload(world, track, "opened"));

    const tasks = world.appIssues();
    expect(tasks.map((issue) => issue.title)).toEqual([
      "T01: Session schema",
      "T02: Login form",
      "T03: Wire form to API",
    ]);
    expect(tasks.map((issue) => parseTaskMarker(issue.body))).toEqual([
      { track: String(track.number), unit: "T01" },
      { track: String(track.number), unit: "T02" },
      { track: String(track.number), unit: "T03" },
    ]);
    const [t1, t2, t3] = tasks;
    expect(t1?.labels).toEqual(["swarm:task", `swarm:track-${track.number}`, "swarm:ready"]);
    expect(t3?.labels).toEqual([
      "swarm:task",
      `swarm:track-${track.number}`,
      "swarm:blocked",
      "swarm:needs-T01",
      "swarm:needs-T02",
    ]);
    expect(t1?.body).toContain("the schema migrates");
    expect(t3?.body).toContain(`(#${t1?.number})`);
    expect(track.subIssues).toEqual(tasks.map((issue) => issue.number));
    expect(t3?.blockedBy).toEqual([t1?.number, t2?.number]);
    // Labels get the app's colours and descriptions.
    expect(world.labels.get("swarm:ready")?.color).toBe("c2e0c6");

    const dashboards = world.comments(track.number).filter((c) => parseDashboardMarker(c.body));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.body).toContain("waiting for `/dispatch`");
    expect(dashboards[0]?.body).toContain(`#${t3?.number}`);
    // Nothing is dispatched before /dispatch.
    expect(world.runs).toEqual([]);
  });

  it("creates nothing twice when the same plan arrives again (opened, then labeled, then redelivered)", async () => {
    const { world, deliver } = app();
    const track = world.openIssue({ title: "Login revamp", body: planBody, labels: trackLabels });
    await deliver("issues", issuesPayload(world, track, "opened"), { id: "d-1" });
    const writes = world.stateWrites;
    await deliver("issues", issuesPayload(world, track, "labeled", undefined, { label: "swarm:track" }), {
      id: "d-2",
    });
    await deliver("issues", issuesPayload(world, track, "opened"), { id: "d-1" });
    expect(world.appIssues()).toHaveLength(3);
    expect(world.comments(track.number)).toHaveLength(1);
    expect(world.stateWrites).toBe(writes);
  });

  it("falls back to labels and links where the host has no sub-issues or dependencies", async () => {
    const { world, deliver } = app();
    world.options.subIssues = false;
    world.options.dependencies = false;
    const track = world.openIssue({ title: "Login revamp", body: planBody, labels: trackLabels });
    await deliver("issues", issuesPayload(world, track, "opened"));
    const t3 = world.appIssues()[2];
    expect(track.subIssues).toEqual([]);
    expect(t3?.blockedBy).toEqual([]);
    expect(t3?.labels).toContain("swarm:needs-T01");
    expect(t3?.body).toMatch(/\*\*T01\*\* \(#\d+\)/);
  });

  it("ignores issues without the track label, and issues opened by a bot", async () => {
    const { world, deliver, strict } = app();
    const plain = world.openIssue({ title: "Bug", body: planBody, labels: ["bug"] });
    await deliver("issues", issuesPayload(world, plain, "opened"));
    const bot = world.openIssue({
      title: "Track",
      body: planBody,
      labels: trackLabels,
      user: { login: "other[bot]", type: "Bot" },
    });
    await deliver("issues", issuesPayload(world, bot, "opened", { login: "other[bot]", type: "Bot" }));
    expect(strict.requests).toEqual([]);
  });

  it("refuses a track started by someone without write access, and creates nothing", async () => {
    const { world, deliver } = app();
    const track = world.openIssue({
      title: "Track",
      body: planBody,
      labels: trackLabels,
      user: { login: "guest", type: "User" },
    });
    await deliver("issues", issuesPayload(world, track, "opened", { login: "guest", type: "User" }));
    expect(world.appIssues()).toEqual([]);
    expect(world.state).toBeNull();
    expect(world.comments(track.number).map((c) => c.body)).toEqual([
      "This track was not started: only people with write access to this repository can start or change a track, and `guest` has read access.",
    ]);
  });
});
