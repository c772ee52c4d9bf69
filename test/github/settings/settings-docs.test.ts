import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readSettings, settingNames } from "../../../src/github/settings/index.js";

const docs = readFileSync(new URL("../../../docs/settings.md", import.meta.url), "utf8");

describe("docs/settings.md", () => {
  it("holds an example file the app reads without a problem", () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const { settings, problems } = readSettings(parse(example ?? ""));
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      baseBranch: "main",
      maxParallel: 4,
      gates: {
        "Gate-O": { kind: "checks", checks: ["test", "lint"] },
        "Gate-M": { kind: "metric", metric: "modularity" },
      },
      alwaysAllowed: ["package-lock.json", "CHANGELOG.md"],
    });
  });

  it("documents every setting in its table", () => {
    for (const name of settingNames) expect(docs).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, "m"));
  });
});
