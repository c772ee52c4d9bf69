import { describe, expect, it } from "vitest";
import { documentFromText } from "../../../src/github/state/state-document.js";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import { commentPayload, createAppWorld, issuesPayload } from "../../support/github/app-world.js";
import { finishStrictNock } from "../../support/github/strict-nock.js";
import { planBody } from "./plans.js";

const outboxOf = (text: string | undefined) => {
  const read = text ? documentFromText(text) : null;
  return read && "document" in read ? read.document.outbox : [];
};

describe("work that does not fit in a webhook's time", () => {
  it("goes on in the background after the answer, and ends with every effect applied once", async () => {
    // No time at all for effects in the webhook: everything is left to the background.
    const world = await createAppWorld({ permissions: { mona: "write" }, app: { budgetMs: 0 } });
    try {
      const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"));
      expect(world.world.appIssues()).toEqual([]);
      expect(outboxOf(world.world.state?.text).length).toBeGreaterThan(0);
      expect(world.background).toHaveLength(1);
      await world.drainBackground();
      expect(world.world.appIssues().map((issue) => issue.title)).toEqual([
        "T01: Session schema",
        "T02: Login form",
        "T03: Wire form to API",
      ]);
      expect(outboxOf(world.world.state?.text)).toEqual([]);
      expect(track.comments.filter((c) => parseDashboardMarker(c.body))).toHaveLength(1);
      world.world.assertClean();
    } finally {
      finishStrictNock(world.strict);
    }
  });

  it("is taken over by another instance through /resume when the process that claimed it died", async () => {
    const world = await createAppWorld({
      permissions: { mona: "write" },
      app: { budgetMs: 0 },
      instances: 2,
    });
    try {
      const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"), { app: 0 });
      // Instance 1 dies before its background work runs.
      world.background.length = 0;
      const claimed = outboxOf(world.world.state?.text);
      expect(claimed.every((entry) => entry.owner === "instance-1")).toBe(true);

      // While the claim holds, /resume on instance 2 leaves the effects alone.
      await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"), { app: 1 });
      expect(world.world.appIssues()).toEqual([]);

      // Once it has run out, instance 2 takes them over: each task issue is created once.
      world.clock.now += 3 * 60_000;
      await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"), { app: 1 });
      await world.drainBackground();
      expect(world.world.appIssues()).toHaveLength(3);
      expect(outboxOf(world.world.state?.text)).toEqual([]);
      const repairs = track.comments.find((c) => c.body.startsWith("**Resumed.**"));
      expect(repairs?.body).toContain("that an earlier run of the app had left undone");
      world.world.assertClean();
    } finally {
      finishStrictNock(world.strict);
    }
  });

  it("sends out nothing for an attempt that ended while its dispatch waited to be taken over", async () => {
    const world = await createAppWorld({
      permissions: { mona: "write" },
      app: { budgetMs: 0 },
      instances: 2,
    });
    try {
      const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
      await world.deliver("issues", issuesPayload(world.world, track, "opened"), { app: 0 });
      await world.drainBackground();
      await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"), { app: 0 });
      // Instance 1 dies holding the dispatches of T01 and T02; meanwhile T01 is cancelled on instance 2.
      world.background.length = 0;
      await world.deliver("issue_comment", commentPayload(world.world, track, "/cancel T01"), { app: 1 });
      await world.drainBackground();
      world.clock.now += 3 * 60_000;
      await world.deliver("issue_comment", commentPayload(world.world, track, "/resume"), { app: 1 });
      await world.drainBackground();
      expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T02"]);
      expect(outboxOf(world.world.state?.text)).toEqual([]);
      world.world.assertClean();
    } finally {
      finishStrictNock(world.strict);
    }
  });
});
