import { describe, expect, it } from "vitest";
import { documentFromText } from "../../../src/github/state/state-document.js";
import { commentPayload, issuesPayload, useAppWorld } from "../../support/github/app-world.js";

// Five tasks; T1 and T5 write the same file, so they may never run at the same time.
const body = [
  "```yaml",
  "track: { title: Race, maxParallel: 5 }",
  "tasks:",
  ...["T1", "T2", "T3", "T4", "T5"].map(
    (id) => `  - { id: ${id}, touches: [${id === "T5" ? "src/t1.ts" : `src/${id.toLowerCase()}.ts`}] }`,
  ),
  "```",
].join("\n");

const app = useAppWorld({ permissions: { mona: "write", lisa: "write" }, instances: 2 });

describe("two app instances against one repository", () => {
  it("handle two /dispatch comments at once: every task goes out once and no two running tasks share a file", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Race", body, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"), { app: 0 });
    world.world.holdStateReads(2);
    await Promise.all([
      world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"), { app: 0 }),
      world.deliver(
        "issue_comment",
        commentPayload(world.world, track, "/dispatch", { login: "lisa", type: "User" }),
        {
          app: 1,
        },
      ),
    ]);
    // The two decisions really raced: one write lost the compare-and-swap and was decided again.
    expect(world.world.stateConflicts).toBeGreaterThan(0);
    const tasks = world.world.runs.map((run) => run.inputs.task).sort();
    expect(tasks).toEqual(["T1", "T2", "T3", "T4"]);
    expect(new Set(world.world.runs.map((run) => run.title)).size).toBe(world.world.runs.length);
    const stored = world.world.state ? documentFromText(world.world.state.text) : null;
    const engine = stored && "document" in stored ? stored.document.engine : null;
    const held = Object.entries(engine?.tracks[String(track.number)]?.runs ?? {}).filter(
      ([, run]) => run.lock,
    );
    expect(held.map(([unit]) => unit).sort()).toEqual(["T1", "T2", "T3", "T4"]);
    // The outbox is empty: each instance applied what it decided, and only that.
    expect(stored && "document" in stored ? stored.document.outbox : null).toEqual([]);
  });

  it("retries a decision whose write lost a compare-and-swap, and applies it once", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Race", body, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    world.world.loseNextStateWrites = 2;
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch"));
    expect(world.world.stateConflicts).toBeGreaterThanOrEqual(2);
    expect(world.world.runs.map((run) => run.inputs.task)).toEqual(["T1", "T2", "T3", "T4"]);
  });
});
