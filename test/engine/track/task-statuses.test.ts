import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitStatus } from "../../../src/engine/track/state.js";
import { parentStatus, taskStatusesOf } from "../../../src/engine/track/task-statuses.js";
import { TrackDriver } from "./track-driver.js";

const parent = [{ id: "P", subtasks: ["P.1", "P.2", "P.3"] }, { id: "P.1" }, { id: "P.2" }, { id: "P.3" }];

describe("task statuses inside a unit", () => {
  it("shows finished subtasks done, the current one in the unit's state and the rest waiting in line", () => {
    const d = new TrackDriver();
    d.planOf(parent, { retryLimit: 0 });
    d.command({ type: "dispatch", task: null });
    d.started("P");
    d.fail("P", ["P.1"]);
    const statuses = taskStatusesOf(d.track(), "P");
    expect(statuses.get("P.1")).toEqual({ status: "done", blockedBy: [], reason: null });
    expect(statuses.get("P.2")?.status).toBe("failed");
    expect(statuses.get("P.2")?.reason).toContain("no retries left");
    expect(statuses.get("P.3")).toEqual({ status: "blocked", blockedBy: ["P.2"], reason: "runs after P.2" });
    expect(parentStatus([...statuses.values()].map((s) => s.status))).toBe("failed");
  });

  it("derives back the unit's own status from its subtasks in every state", () => {
    const all: UnitStatus[] = [
      "blocked",
      "ready",
      "dispatched",
      "running",
      "review",
      "done",
      "failed",
      "needs-input",
      "cancelled",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.nat(3), (status, finished) => {
        const d = new TrackDriver();
        d.planOf(parent);
        const track = structuredClone(d.track());
        const run = track.runs.P;
        if (!run) throw new Error("no P");
        run.status = status;
        run.doneTasks = ["P.1", "P.2", "P.3"].slice(0, status === "done" ? 3 : Math.min(finished, 2));
        const statuses = [...taskStatusesOf(track, "P").values()].map((s) => s.status);
        expect(parentStatus(statuses)).toBe(status);
      }),
    );
  });
});
