// CI tests on Node 20 and 24 and fails when the committed dist/ is not what `npm run build` makes.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readYaml } from "./workflow-files.js";
import { onlyJob, type Workflow } from "./workflow-model.js";

describe("ci.yml", () => {
  const job = onlyJob(readYaml<Workflow>(".github/workflows/ci.yml"));
  const scripts = job.steps.map((step) => step.run ?? "");

  it("runs the tests and the quick start on Node 20 and 24", () => {
    expect(job.strategy?.matrix?.node).toEqual([20, 24]);
    expect(scripts).toContain("bash .ci/run");
    expect(scripts).toContain("npx swarm-dispatch plan fixtures/plans/demo-track.md");
  });

  it("rebuilds and fails on a stale dist/, saying what to do", () => {
    const check = scripts.find((script) => script.includes("git diff --exit-code")) ?? "";
    expect(check).toMatch(/^npm run build\n/);
    expect(check).toContain("-- dist/");
    expect(check).toContain("dist/ is stale: run npm run build and commit dist/");
  });
});

describe("the build", () => {
  it("compiles the TypeScript and bundles the Action", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(scripts.build).toBe("tsc -p tsconfig.build.json && node scripts/build-action.mjs");
  });

  it("keeps dist/ in git", () => {
    // git check-ignore exits 1 when no rule ignores the path.
    const ignored = () => execFileSync("git", ["check-ignore", "-q", "--no-index", "dist/index.js"]);
    expect(ignored).toThrow();
  });
});
