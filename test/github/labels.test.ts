import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnitStatus } from "../../src/engine/track/state.js";
import {
  labelPrefixProblem,
  maxLabelLength,
  needsLabel,
  statusLabel,
  statusLabels,
  taskMarkerLabel,
  trackLabel,
  trackMarkerLabel,
} from "../../src/github/labels/index.js";

const p = "swarm:";
const validPrefix = fc
  .string({ minLength: 1, maxLength: 30, unit: "grapheme" })
  .filter((s) => !labelPrefixProblem(s));
const anyId = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120, unit: "binary" }));
/** Every name a label may carry must be filterable (no comma) and printable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not appear.
const unsafe = /[,\u0000-\u001f\u007f]/;

describe("label names", () => {
  it("uses the names the issue lists, with the default prefix", () => {
    expect(taskMarkerLabel(p)).toBe("swarm:task");
    expect(trackMarkerLabel(p)).toBe("swarm:track");
    expect(trackLabel(p, 12)).toBe("swarm:track-12");
    expect(trackLabel(p, "12")).toBe("swarm:track-12");
    expect(needsLabel(p, "T04")).toBe("swarm:needs-T04");
    expect(needsLabel(p, "S-1.2_a".toUpperCase())).toBe("swarm:needs-S-1.2_A");
    expect(statusLabels(p)).toEqual([
      "swarm:blocked",
      "swarm:ready",
      "swarm:running",
      "swarm:review",
      "swarm:done",
      "swarm:failed",
      "swarm:needs-input",
      "swarm:cancelled",
    ]);
  });

  it("shows dispatched and running units with the same running label", () => {
    expect(statusLabel(p, "dispatched")).toBe("swarm:running");
    expect(statusLabel("sd/", "running")).toBe("sd/running");
  });

  it("hashes ids GitHub would confuse: case twins, commas, emoji markup, a task named input", () => {
    const twins = [needsLabel(p, "T04"), needsLabel(p, "t04")];
    expect(new Set(twins.map((name) => name.toLowerCase())).size).toBe(2);
    expect(needsLabel(p, "a,b")).toMatch(/^swarm:needs-a-b~[0-9a-f]{8}$/);
    expect(needsLabel(p, ":smile:")).not.toContain(":smile:");
    for (const id of ["input", "INPUT", "Input"]) {
      expect(needsLabel(p, id).toLowerCase()).not.toBe(statusLabel(p, "needs-input"));
    }
  });

  it("keeps hashed labels stable across versions (labels written today are found after an upgrade)", () => {
    expect(needsLabel(p, "auth-login")).toBe("swarm:needs-auth-login~7b962560");
    expect(needsLabel(p, "a,b")).toBe(needsLabel(p, "a,b"));
  });

  it("cuts a long id and tells two long ids with the same start apart", () => {
    const start = "X".repeat(60);
    const one = needsLabel(p, `${start}1`);
    const two = needsLabel(p, `${start}2`);
    expect(one.length).toBeLessThanOrEqual(maxLabelLength);
    expect(two.length).toBeLessThanOrEqual(maxLabelLength);
    expect(one).not.toBe(two);
    expect(one.startsWith("swarm:needs-XXXX")).toBe(true);
  });

  it("handles a megabyte-long hostile id", () => {
    const name = needsLabel(p, `\u0000,${"é".repeat(1_000_000)}`);
    expect(name.length).toBeLessThanOrEqual(maxLabelLength);
    expect(name).not.toMatch(unsafe);
  });

  it("gives a safe label to a track id that is not an issue number", () => {
    expect(trackLabel(p, "12,13")).toMatch(/^swarm:track-12-13~[0-9a-f]{8}$/);
    expect(trackLabel(p, "12 ").toLowerCase()).not.toBe(trackLabel(p, 12).toLowerCase());
  });

  it("keeps every label within 50 characters and free of commas for any valid prefix and id", () => {
    fc.assert(
      fc.property(validPrefix, anyId, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (prefix, id, track) => {
        const statuses: UnitStatus[] = ["blocked", "needs-input", "cancelled", "dispatched"];
        const names = [
          needsLabel(prefix, id),
          trackLabel(prefix, track),
          trackLabel(prefix, id),
          taskMarkerLabel(prefix),
          ...statuses.map((status) => statusLabel(prefix, status)),
        ];
        for (const name of names) {
          expect(name.length).toBeLessThanOrEqual(maxLabelLength);
          expect(name.slice(prefix.length)).not.toMatch(unsafe);
        }
      }),
    );
  });

  it("never gives two different ids the same label, even without regard to case", () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyId, { maxLength: 60 }), (ids) => {
        const names = ids.map((id) => needsLabel(p, id).toLowerCase());
        expect(new Set(names).size).toBe(ids.length);
        expect(names).not.toContain(statusLabel(p, "needs-input"));
      }),
    );
  });
});

describe("labelPrefixProblem", () => {
  it("accepts the default and other short prefixes", () => {
    for (const prefix of ["swarm:", "sd/", "🐝 ", "Swarm Dispatch: ", "x".repeat(24)]) {
      expect(labelPrefixProblem(prefix)).toBeNull();
    }
  });

  it.each([
    ["", /empty/],
    ["x".repeat(25), /25 characters long \(at most 24/],
    ["a,b:", /comma/],
    [" swarm:", /starts with whitespace/],
    ["a\tb", /control characters/],
    ["a\u00a0b", /whitespace other than a plain space/],
    ['a"b', /double quote/],
  ])("refuses %j", (prefix, reason) => {
    expect(labelPrefixProblem(prefix)).toMatch(reason);
  });
});
