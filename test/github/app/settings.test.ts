import { describe, expect, it } from "vitest";
import { commentPayload, createAppWorld, issuesPayload } from "../../support/github/app-world.js";
import { finishStrictNock } from "../../support/github/strict-nock.js";
import { planBody } from "./plans.js";

async function withWorld(
  settings: string | null,
  test: (world: Awaited<ReturnType<typeof createAppWorld>>) => Promise<void>,
) {
  const world = await createAppWorld({
    permissions: { mona: "write" },
    settings,
    workflows: ["agents.yml", "swarm-agent.yml"],
  });
  try {
    await test(world);
    world.world.assertClean();
  } finally {
    finishStrictNock(world.strict);
  }
}

describe("repository settings (.github/swarm-dispatch.yml)", () => {
  it("set the label prefix, the agent workflow, parallelism and the default budget", async () => {
    const settings = 'labelPrefix: "sd:"\nworkflow: agents.yml\nmaxParallel: 1\nbudgetUsd: 30\n';
    await withWorld(settings, async (world) => {
      const body = planBody.replace("  budgetUsd: 40\n", "");
      const track = world.world.openIssue({ title: "Login", body, labels: ["sd:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"));
      expect(world.world.appIssues()[0]?.labels).toEqual(["sd:task", `sd:track-${track.number}`, "sd:ready"]);
      await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
      expect(world.world.runs.map((run) => [run.workflow, run.inputs.task])).toEqual([["agents.yml", "T01"]]);
      const dashboard = track.comments.find((c) => c.body.includes("swarm-dispatch:dashboard"))?.body ?? "";
      expect(dashboard).toContain("of $30.00");
      expect(dashboard).toContain("up to 1 agent at once");
    });
  });

  it("report a wrong field on the track issue when the track starts, and use the default for it", async () => {
    await withWorld('maxparallel: 3\nautoMerge: "yes"\n', async (world) => {
      const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"));
      expect(world.world.appIssues()).toHaveLength(3);
      const note = track.comments.find((c) => c.body.startsWith("Problems in `.github/swarm-dispatch.yml`"));
      expect(note?.body).toContain("maxparallel: is not a setting; did you mean maxParallel?");
      expect(note?.body).toContain("autoMerge: expected");
    });
  });

  it("that are not YAML give the defaults and say so", async () => {
    await withWorld("gates: [unclosed\n", async (world) => {
      const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"));
      expect(world.world.appIssues()).toHaveLength(3);
      const note = track.comments.find((c) => c.body.startsWith("Problems in `.github/swarm-dispatch.yml`"));
      expect(note?.body).toContain("settings file: .github/swarm-dispatch.yml could not be read");
    });
  });
});
