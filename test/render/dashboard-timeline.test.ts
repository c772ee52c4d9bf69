import { describe, expect, it } from "vitest";
import type { TrackState } from "../../src/engine/track/state.js";
import type { ScheduleEntry } from "../../src/engine/types.js";
import { renderDashboard } from "../../src/render/dashboard.js";
import { type DashboardLimits, dashboardContext } from "../../src/render/dashboard-context.js";
import { buildTimeline } from "../../src/render/dashboard-timeline.js";
import { makeTask } from "../support/sample-analysis.js";
import { hour, sampleInput, sampleTrack, setRun, t0, trackOf } from "./dashboard-fixture.js";
import { mermaidBlocks, parse } from "./markdown-tree.js";

const limits: DashboardLimits = {
  gantt: true,
  settledRows: true,
  titleChars: 120,
  reasonChars: 200,
  pathChars: 200,
  namesPerCell: 20,
  listRows: 100,
  taskRows: "all",
};

function timelineOf(track: TrackState) {
  const timeline = buildTimeline(dashboardContext({ track, links: {}, repository: "a/b", now: 0 }, limits));
  const byId = new Map<string, Omit<ScheduleEntry, "id">>(
    timeline.entries.map(({ id, ...rest }) => [id, rest]),
  );
  return { ...timeline, byId };
}

describe("buildTimeline", () => {
  it("draws what ran as it happened and plans the rest after the latest event", () => {
    const { byId, titles, originMs, heldBack } = timelineOf(sampleTrack());
    expect(originMs).toBe(t0);
    expect(byId.get("T01")).toEqual({ start: 0, end: 2, agent: 1 });
    expect(byId.get("T07")).toEqual({ start: 1, end: 3, agent: 2 });
    // Running since 4h with a 2h estimate; in review since it finished at 6h.
    expect(byId.get("T03")).toMatchObject({ start: 4, end: 6 });
    expect(byId.get("T04")).toMatchObject({ start: 5, end: 6 });
    // T05 waits for T03 and T04; T09 and T06 start at the latest event (6h), on the agents free then.
    expect(byId.get("T05")).toMatchObject({ start: 6, end: 8 });
    expect(byId.get("T09")).toMatchObject({ start: 6, end: 8 });
    expect(byId.get("T06")).toMatchObject({ start: 6, end: 8 });
    // T08 waits for the failed T07: not drawn.
    expect(byId.has("T08")).toBe(false);
    expect(heldBack).toBe(1);
    expect(titles.get("T03")).toBe("running · Login form");
    expect(titles.get("T05")).toBe("planned · Wire form to API");
    expect(titles.get("T06")).toBe("needs input · Pick the captcha vendor");
  });

  it("plans a unit after a prerequisite that is itself planned", () => {
    const track = trackOf([
      makeTask({ id: "A", touches: ["a"] }),
      makeTask({ id: "B", deps: ["A"], touches: ["b"], effort: { size: "S", hours: 1 } }),
    ]);
    const { byId } = timelineOf(track);
    expect(byId.get("A")).toMatchObject({ start: 0, end: 2 });
    expect(byId.get("B")).toMatchObject({ start: 2, end: 3 });
  });

  it("starts a unit only after a conflicting lock is released", () => {
    const track = trackOf([
      makeTask({ id: "A", touches: ["src/"] }),
      makeTask({ id: "B", touches: ["src/a.ts"] }),
      makeTask({ id: "C", touches: ["docs/"] }),
    ]);
    setRun(track, "A", {
      status: "running",
      attempt: 1,
      dispatchedAt: t0,
      lock: { touches: ["src/"], concurrency: "write-local" },
    });
    const { byId } = timelineOf(track);
    expect(byId.get("A")).toMatchObject({ start: 0, end: 2 });
    expect(byId.get("B")).toMatchObject({ start: 2, end: 4 });
    expect(byId.get("C")).toMatchObject({ start: 0, end: 2 });
  });

  it("keeps to the track's parallelism", () => {
    const track = trackOf(["A", "B", "C"].map((id) => makeTask({ id, touches: [id] })));
    track.settings.maxParallel = 1;
    const { entries } = timelineOf(track);
    expect(entries.map(({ start, agent }) => [start, agent])).toEqual([
      [0, 1],
      [2, 1],
      [4, 1],
    ]);
  });

  it("puts overlapping past work on separate agents", () => {
    const track = trackOf(["A", "B"].map((id) => makeTask({ id, touches: [id] })));
    setRun(track, "A", { status: "done", attempt: 1, dispatchedAt: t0, finishedAt: t0 + 3 * hour });
    setRun(track, "B", { status: "done", attempt: 1, dispatchedAt: t0 + hour, finishedAt: t0 + 2 * hour });
    const { byId } = timelineOf(track);
    expect(byId.get("A")?.agent).toBe(1);
    expect(byId.get("B")?.agent).toBe(2);
  });

  it("does not move with the clock: the chart is the same at any time of rendering", () => {
    const chart = (now: number) => mermaidBlocks(parse(renderDashboard(sampleInput({ now }))));
    expect(chart(t0 + 7 * hour)).toEqual(chart(t0 + 70 * hour));
    expect(chart(t0)).toHaveLength(1);
  });
});
