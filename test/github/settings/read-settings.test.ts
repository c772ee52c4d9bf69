import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  defaultSettings,
  formatSettingsProblem,
  readSettings,
  type SettingsProblem,
} from "../../../src/github/settings/index.js";

const read = (yaml: string) => readSettings(parse(yaml));
const paths = (problems: readonly SettingsProblem[]) => problems.map((problem) => problem.path);

describe("readSettings", () => {
  it("uses every default when there is no file (context.config gives null) or an empty one", () => {
    for (const raw of [null, undefined, {}, parse("")]) {
      expect(readSettings(raw)).toEqual({ settings: defaultSettings(), problems: [] });
    }
    expect(defaultSettings()).toMatchObject({
      workflow: "swarm-agent.yml",
      baseBranch: null,
      maxParallel: null,
      repoMaxParallel: 10,
      budgetUsd: null,
      commandPermission: "write",
      labelPrefix: "swarm:",
      gates: { "Gate-O": { kind: "all-checks" } },
      alwaysAllowed: [],
      autoMerge: false,
      gateTimeoutMinutes: 60,
    });
  });

  it("reads every setting of a valid file", () => {
    const { settings, problems } = read(`
workflow: agents.yaml
baseBranch: release/2.x
maxParallel: 3
repoMaxParallel: 12
budgetUsd: 12.5
commandPermission: maintain
labelPrefix: "sd/"
autoMerge: true
gateTimeoutMinutes: 90
`);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      workflow: "agents.yaml",
      baseBranch: "release/2.x",
      maxParallel: 3,
      repoMaxParallel: 12,
      budgetUsd: 12.5,
      commandPermission: "maintain",
      labelPrefix: "sd/",
      autoMerge: true,
      gateTimeoutMinutes: 90,
    });
  });

  it("falls back to the default for one wrong field and keeps the others", () => {
    const { settings, problems } = read("maxParallel: 0\nbudgetUsd: 30\n");
    expect(settings.maxParallel).toBeNull();
    expect(settings.budgetUsd).toBe(30);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("maxParallel");
    expect(problems[0]?.message).toMatch(
      /whole number from 1 to 100.*got 0; using the default \(each plan's own\)/,
    );
    expect(problems[0]?.fix).toBe("write e.g. `maxParallel: 4`");
  });

  it.each([
    ["workflow: ../../evil.yml", "workflow", /without folders/],
    ["workflow: .github/workflows/agent.yml", "workflow", /without folders/],
    ["workflow: agent.sh", "workflow", /ends in \.yml or \.yaml/],
    ["workflow:", "workflow", /got an empty value/],
    ["baseBranch: refs/heads/main", "baseBranch", /without `refs\/heads\/`/],
    ["baseBranch: 'main branch'", "baseBranch", /cannot hold spaces/],
    ["baseBranch: a..b", "baseBranch", /`\.\.`/],
    ["repoMaxParallel: 2.5", "repoMaxParallel", /whole number/],
    ["budgetUsd: 0", "budgetUsd", /above 0/],
    ["budgetUsd: '$25'", "budgetUsd", /got "\$25"/],
    ["commandPermission: read", "commandPermission", /write, maintain or admin/],
    ["commandPermission: Admin", "commandPermission", /got "Admin"/],
    ["labelPrefix: ''", "labelPrefix", /empty/],
    ["labelPrefix: 'a,b:'", "labelPrefix", /comma/],
    ["autoMerge: yes", "autoMerge", /true or false, got "yes"/],
    ["gateTimeoutMinutes: 100000", "gateTimeoutMinutes", /1 to 1440/],
  ])("reports %j at its path", (yaml, path, message) => {
    const { settings, problems } = read(yaml);
    expect(paths(problems)).toEqual([path]);
    expect(problems[0]?.message).toMatch(message);
    expect(settings).toEqual(defaultSettings());
  });

  it("says that a quoted number or boolean is text", () => {
    const { problems } = read("maxParallel: '4'\nautoMerge: 'true'\n");
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/in quotes it is text: drop the quotes/),
      expect.stringMatching(/in quotes it is text: drop the quotes/),
    ]);
  });

  it("reports unknown keys with the setting the author probably meant", () => {
    const { problems } = read("maxparallel: 2\nmax_parallel: 2\nlabel-prefix: x\nauto_merge: true\nfoo: 1\n");
    expect(problems.map(formatSettingsProblem)).toEqual([
      expect.stringMatching(/^maxparallel: is not a setting; did you mean maxParallel\?/),
      expect.stringMatching(/^max_parallel: is not a setting; did you mean maxParallel\?/),
      expect.stringMatching(/^label-prefix: is not a setting; did you mean labelPrefix\?/),
      expect.stringMatching(/^auto_merge: is not a setting; did you mean autoMerge\?/),
      expect.stringMatching(/^foo: is not a setting \(the settings are workflow, baseBranch/),
    ]);
  });

  it("ignores Probot's own _extends key", () => {
    expect(read("_extends: .github\nautoMerge: true\n").problems).toEqual([]);
  });

  it("refuses a file that is not a mapping, with one problem and the defaults", () => {
    for (const yaml of ["just text", "42", "- a\n- b", "true"]) {
      const { settings, problems } = read(yaml);
      expect(settings).toEqual(defaultSettings());
      expect(problems).toHaveLength(1);
      expect(formatSettingsProblem(problems[0] as SettingsProblem)).toMatch(
        /^settings file: \.github\/swarm-dispatch\.yml holds .*, not settings; using the defaults/,
      );
    }
  });

  it("returns settings a caller may change without changing the next reader's defaults", () => {
    const first = readSettings(null).settings;
    first.alwaysAllowed.push("x");
    first.gates.X = { kind: "all-checks" };
    (first.modelRates as Record<string, number>).sonnet = 99;
    expect(readSettings(null).settings).toEqual(defaultSettings());
    expect(defaultSettings().modelRates.sonnet).toBe(6);
  });
});
