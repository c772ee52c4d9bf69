// The full example in docs/yaml-plan.md is a valid plan that means what the text under it says.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/plan/diagnostics.js";
import { normalizePlan } from "../../../src/plan/normalize-plan.js";
import { extractYaml } from "../../../src/plan/yaml/extract-yaml.js";

const doc = readFileSync(new URL("../../../docs/yaml-plan.md", import.meta.url), "utf8");
const example = /```yaml\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf("## Example")))?.[1] ?? "";

describe("docs/yaml-plan.md example", () => {
  it("validates without a diagnostic, with the dependencies the text describes", () => {
    const diag = new Diagnostics("example.yaml");
    const plan = normalizePlan(extractYaml(example, diag), "example", diag);
    expect(diag.items).toEqual([]);
    const deps = Object.fromEntries((plan?.tasks ?? []).map((task) => [task.id, [...task.deps].sort()]));
    expect(deps).toEqual({
      P1: [],
      P2: ["P1"],
      "P2.1": [],
      "P2.2": [],
      P3: ["P1", "P2"],
      P4: ["P1", "P2", "P3"],
    });
    expect(plan?.tasks.find((task) => task.id === "P4")?.mode).toBe("foreground");
  });
});
