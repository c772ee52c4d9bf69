import { describe, expect, it } from "vitest";
import type { UnitStatus } from "../../src/engine/track/state.js";
import {
  fitDescription,
  labelStatuses,
  maxDescriptionLength,
  needsSpec,
  statusSpec,
  taskMarkerSpec,
  trackMarkerSpec,
  trackSpec,
} from "../../src/github/labels/index.js";

const p = "swarm:";
const allStatuses: UnitStatus[] = [...labelStatuses, "dispatched"];

describe("label specs", () => {
  it("gives every label a GitHub colour and a description within 100 characters", () => {
    const specs = [
      trackMarkerSpec(p),
      taskMarkerSpec(p),
      trackSpec(p, 2_147_483_647),
      needsSpec(p, "T04"),
      ...allStatuses.map((status) => statusSpec(p, status)),
    ];
    for (const spec of specs) {
      expect(spec.color).toMatch(/^[0-9a-f]{6}$/);
      expect(spec.description.length).toBeGreaterThan(0);
      expect(spec.description.length).toBeLessThanOrEqual(maxDescriptionLength);
    }
  });

  it("tells the statuses apart by colour, and shows dispatched like running", () => {
    const colours = labelStatuses.map((status) => statusSpec(p, status).color);
    expect(new Set(colours).size).toBe(labelStatuses.length);
    expect(statusSpec(p, "dispatched")).toEqual(statusSpec(p, "running"));
  });

  it("names the task as written in a needs label's description, which a hashed name cannot show", () => {
    const spec = needsSpec(p, "setup, then seed the db");
    expect(spec.name).toMatch(/~[0-9a-f]{8}$/);
    expect(spec.description).toBe("Waits for task setup, then seed the db to be merged");
    expect(trackSpec(p, 7).description).toBe("A task of track #7");
  });

  it("cuts a hostile id in a description to one line within the limit", () => {
    const spec = needsSpec(p, `T\n\u0000<b>x</b>${"y".repeat(10_000)}`);
    expect(spec.description.length).toBeLessThanOrEqual(maxDescriptionLength);
    expect(spec.description).not.toContain("\n");
    expect(spec.description).not.toContain("\u0000");
    expect(spec.description.endsWith("…")).toBe(true);
  });

  it("never leaves half an emoji at the cut", () => {
    for (let pad = 0; pad < 4; pad++) {
      const cut = fitDescription(`${"a".repeat(95 + pad)}${"🐝".repeat(10)}`);
      expect(cut.length).toBeLessThanOrEqual(maxDescriptionLength);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });
});
