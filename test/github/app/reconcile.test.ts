import { describe, expect, it } from "vitest";
import { commentPayload, issuesPayload, useAppWorld } from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const app = useAppWorld({ permissions: { mona: "write" } });

describe("the periodic reconcile", () => {
  it("notices a run that failed while its webhook was lost, fails the attempt and retries it when due", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
    const [first] = world.world.runs;
    if (!first) throw new Error("no run");
    first.status = "completed";
    first.conclusion = "timed_out";
    // No workflow_run delivery: GitHub lost it, and never redelivers on its own.
    expect(await world.reconcile()).toBe(1);
    const note = track.comments.find((c) => c.body.startsWith("**Reconciled**"));
    expect(note?.body).toContain("T01: its run ended timed out while the app was not told");
    // Nothing more to repair: a second round changes nothing and says nothing.
    expect(await world.reconcile()).toBe(0);
    // The retry's timer died with the process: the next round after the backoff sends attempt 2.
    world.clock.now += 2 * 60_000;
    await world.reconcile();
    expect(world.world.runs.map((run) => `${run.inputs.task}/${run.inputs.attempt}`)).toEqual([
      "T01/1",
      "T02/1",
      "T01/2",
    ]);
  });

  it("fails an attempt whose dispatch never reached GitHub, so that it goes again", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch T01"));
    // The run vanished (deleted, or the dispatch was lost on the way).
    world.world.runs.length = 0;
    // Right after a dispatch GitHub may not list the run yet: nothing is repaired then.
    await world.reconcile();
    expect(track.comments.some((c) => c.body.startsWith("**Reconciled**"))).toBe(false);
    world.clock.now += 11 * 60_000;
    await world.reconcile();
    const note = track.comments.find((c) => c.body.startsWith("**Reconciled**"));
    expect(note?.body).toContain(
      "T01: attempt 1 has no run on GitHub (its dispatch was lost); it goes again",
    );
  });
});
