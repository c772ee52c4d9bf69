import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { touchesOverlap } from "../../src/engine/touches.js";
import { inventChangedFiles } from "../../src/simulate/invent-files.js";
import { touchPool } from "../engine/arbitraries.js";

describe("inventChangedFiles", () => {
  it("keeps files and invents one file inside each folder or glob", () => {
    expect(
      inventChangedFiles(
        ["src/a.ts", "tests/integration/", "src/**/*.ts", "docs/*.{md,txt}", "src/a.ts"],
        "T06",
      ),
    ).toEqual(["src/a.ts", "tests/integration/T06.sim", "src/sim.ts", "docs/sim.md"]);
  });

  it("invents nothing for the whole repository or a negated glob", () => {
    expect(inventChangedFiles(["./", "**", "!src/a.ts"], "T1")).toEqual([]);
  });

  it("only ever names files inside the touches it was given", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...touchPool), { maxLength: 4 }), (touches) => {
        for (const file of inventChangedFiles(touches, "T-AUTO-01"))
          expect(touches.some((touch) => touchesOverlap(file, touch))).toBe(true);
      }),
    );
  });
});
