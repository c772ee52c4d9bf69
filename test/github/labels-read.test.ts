import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitStatus } from "../../src/engine/track/state.js";
import {
  isTaskIssue,
  isTrackIssue,
  labelPrefixProblem,
  labelStatuses,
  needsLabel,
  statusesOfLabels,
  statusLabel,
  statusOfLabels,
  statusPrecedence,
  trackOfLabels,
} from "../../src/github/labels/index.js";

const p = "swarm:";

describe("statusOfLabels", () => {
  it("reads the status from webhook label objects and from plain names", () => {
    expect(statusOfLabels([{ name: "bug" }, { name: "swarm:review" }], p)).toBe("review");
    expect(statusOfLabels(["swarm:task", "swarm:ready"], p)).toBe("ready");
  });

  it("reads back every status it writes, for any valid prefix", () => {
    const prefix = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => !labelPrefixProblem(s));
    const status = fc.constantFrom<UnitStatus>(...labelStatuses, "dispatched");
    fc.assert(
      fc.property(prefix, status, (prefix, status) => {
        const shown = status === "dispatched" ? "running" : status;
        expect(statusOfLabels([statusLabel(prefix, status)], prefix)).toBe(shown);
      }),
    );
  });

  it("matches without case, as GitHub does", () => {
    expect(statusOfLabels([{ name: "Swarm:Done" }], p)).toBe("done");
  });

  it("is null without a status label, and ignores another prefix's labels", () => {
    expect(statusOfLabels([], p)).toBeNull();
    expect(statusOfLabels([{ name: "other:done" }, { name: null }, {}], p)).toBeNull();
    expect(statusOfLabels(["swarm:done"], "sd/")).toBeNull();
  });

  it("does not take a dependency label for a status", () => {
    expect(statusOfLabels([needsLabel(p, "input"), needsLabel(p, "DONE")], p)).toBeNull();
    expect(statusOfLabels(["swarm:needs-input"], p)).toBe("needs-input");
  });

  it("picks the status furthest along when a half-finished swap left two, and lists both", () => {
    expect(statusOfLabels(["swarm:running", "swarm:review"], p)).toBe("review");
    expect(statusOfLabels(["swarm:done", "swarm:ready"], p)).toBe("done");
    expect(statusesOfLabels(["swarm:ready", "swarm:done"], p)).toEqual(["done", "ready"]);
  });

  it("ranks every label status", () => {
    expect([...statusPrecedence].sort()).toEqual([...labelStatuses].sort());
  });
});

describe("track and marker labels", () => {
  it("reads the track number of a task issue", () => {
    expect(trackOfLabels(["swarm:task", "swarm:track-42"], p)).toBe(42);
    expect(trackOfLabels(["swarm:track"], p)).toBeNull();
    expect(trackOfLabels(["swarm:track-x1"], p)).toBeNull();
    expect(trackOfLabels(["swarm:track-99999999999"], p)).toBeNull();
  });

  it("tells a track issue from a task issue", () => {
    expect(isTrackIssue([{ name: "swarm:track" }], p)).toBe(true);
    expect(isTrackIssue([{ name: "swarm:track-3" }], p)).toBe(false);
    expect(isTaskIssue([{ name: "SWARM:TASK" }], p)).toBe(true);
    expect(isTaskIssue([{ name: "swarm:task" }], "sd/")).toBe(false);
  });
});
