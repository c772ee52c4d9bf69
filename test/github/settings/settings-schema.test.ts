import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelPrefixProblem } from "../../../src/github/labels/index.js";
import {
  allowedPathProblem,
  readSettings,
  settingNames,
  settingsFileSchema,
} from "../../../src/github/settings/index.js";
import { scalarSchemas } from "../../../src/github/settings/settings-schema.js";

const junk = fc.anything({ maxDepth: 2, maxKeys: 4 });

const validGate = fc.oneof(
  fc.record({ checks: fc.array(fc.constantFrom("test", "build / node 20"), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ allChecks: true }),
  fc.record({ metric: fc.constantFrom("coverage", "p95 ms") }),
);

/** A file every reader should accept: each setting sometimes present, always right. */
const validFile = fc.record(
  {
    workflow: fc.constantFrom("swarm-agent.yml", "a.yaml"),
    baseBranch: fc.constantFrom(null, "main", "release/1.x"),
    maxParallel: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 100 })),
    repoMaxParallel: fc.integer({ min: 1, max: 500 }),
    budgetUsd: fc.oneof(fc.constant(null), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
    commandPermission: fc.constantFrom("write", "maintain", "admin"),
    labelPrefix: fc.constantFrom("swarm:", "sd/", "🐝 "),
    modelRates: fc.dictionary(
      fc.constantFrom("sonnet", "my-model"),
      fc.double({ min: 0, max: 10_000, noNaN: true }),
    ),
    gates: fc.dictionary(fc.constantFrom("Gate-O", "Gate-M", "coverage"), validGate, { maxKeys: 3 }),
    alwaysAllowed: fc.array(fc.constantFrom("a.lock", "docs/", "**/x.lock"), { maxLength: 3 }),
    autoMerge: fc.boolean(),
    gateTimeoutMinutes: fc.integer({ min: 1, max: 1440 }),
    otherPullRequests: fc.constantFrom("fail", "warn"),
    _extends: fc.constant(".github"),
  },
  { requiredKeys: [] },
);

/** Values that are wrong for most settings, and some that are nearly right. */
const suspect = fc.oneof(
  junk,
  fc.constantFrom(
    "../x.yml",
    "refs/heads/main",
    "a..b",
    "",
    "a,b",
    "x".repeat(30),
    "Admin",
    "4",
    "true",
    0,
    101,
  ),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN, -1, 2.5, null, [], {}),
  fc.dictionary(fc.constantFrom("Gate-M", "gate-m", "__proto__", "", "a\nb"), fc.oneof(validGate, junk), {
    maxKeys: 3,
  }),
  fc.array(fc.oneof(fc.constantFrom("a.lock", "**", "../x", ".git/x", "two words"), junk), { maxLength: 3 }),
  fc.record({ checks: fc.constant(["t"]), metric: fc.constant("m") }),
);

/** A valid file with one setting (or an unknown key) set to a suspect value. */
const settingsFile = fc.oneof(
  validFile,
  fc
    .tuple(validFile, fc.constantFrom(...settingNames, "maxparallel"), suspect)
    .map(([file, key, value]) => ({ ...file, [key]: value })),
  fc
    .tuple(validFile, fc.constantFrom("modelRates", "gates"), fc.constantFrom("Gate-M", "x"), suspect)
    .map(([file, key, inner, value]) => ({ ...file, [key]: { [inner]: value } })),
);

describe("settings schema and reader", () => {
  it("agree: a file has no problems exactly when the zod schema accepts it", () => {
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(settingsFile, (raw) => {
        const { problems } = readSettings(raw);
        const accepted = settingsFileSchema.safeParse(raw).success;
        expect(problems.length === 0).toBe(accepted);
        outcomes[accepted ? "accepted" : "refused"]++;
      }),
      { numRuns: 500 },
    );
    // Both sides of the equivalence must actually be exercised.
    expect(outcomes.accepted).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });

  it("always hand back settings that are themselves valid, whatever the file", () => {
    fc.assert(
      fc.property(fc.oneof(settingsFile, junk), (raw) => {
        const { settings } = readSettings(raw);
        for (const [key, schema] of Object.entries(scalarSchemas)) {
          expect(schema.safeParse(settings[key as keyof typeof scalarSchemas]).success).toBe(true);
        }
        expect(labelPrefixProblem(settings.labelPrefix)).toBeNull();
        for (const path of settings.alwaysAllowed) expect(allowedPathProblem(path)).toBeNull();
        for (const gate of Object.values(settings.gates)) {
          if (gate.kind === "checks") expect(gate.checks.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lists the settings in the order the documentation gives them", () => {
    expect(settingNames).toEqual([
      "workflow",
      "baseBranch",
      "maxParallel",
      "repoMaxParallel",
      "budgetUsd",
      "commandPermission",
      "labelPrefix",
      "modelRates",
      "gates",
      "alwaysAllowed",
      "autoMerge",
      "gateTimeoutMinutes",
      "otherPullRequests",
    ]);
  });
});
