import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { trackMarkerLabel } from "../../src/github/labels/index.js";
import { defaultSettings } from "../../src/github/settings/settings-schema.js";
import { readTrackPlan } from "../../src/github/tracks/read-track-plan.js";

const text = readFileSync(".github/ISSUE_TEMPLATE/swarm-track.md", "utf8");
const [, front = "", ...rest] = text.split(/^---$/m);

describe("the track issue template", () => {
  it("adds the default track label, so an issue opened from it is a track", () => {
    const meta = parse(front) as { labels: string[]; name: string };
    expect(meta.labels).toEqual([trackMarkerLabel(defaultSettings().labelPrefix)]);
    expect(meta.name).toBe("Swarm Dispatch track");
  });

  it("holds an example plan the app accepts as it stands", () => {
    const read = readTrackPlan(rest.join("---"), defaultSettings());
    expect(read.ok && read.plan.tasks.map((task) => [task.id, task.deps])).toEqual([
      ["T01", []],
      ["T02", ["T01"]],
    ]);
  });
});
