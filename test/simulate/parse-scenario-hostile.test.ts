import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/plan/diagnostics.js";
import { parseScenario } from "../../src/simulate/parse-scenario.js";
import { demoPlan } from "./simulate-support.js";

const plan = demoPlan();

function errors(text: string): string[] {
  const result = parseScenario(text, { file: "s.yaml", plan });
  expect(result.scenario).toBeNull();
  return result.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
}

describe("parseScenario on hostile input", () => {
  it("reports YAML syntax errors with their line", () => {
    expect(errors("tasks:\n  T03: [\n")[0]).toMatch(/^s\.yaml:\d+: YAML syntax: /);
  });

  it("refuses binary junk and NUL bytes", () => {
    expect(errors("\u0000\u0001\u0002")).toEqual([
      "s.yaml: the scenario is not text (it contains NUL bytes) (pass a YAML scenario file)",
    ]);
    const junk = String.fromCharCode(...Array.from({ length: 2000 }, (_, k) => (k * 7919) % 256 || 1));
    const result = parseScenario(junk, { file: "s.yaml", plan });
    expect(result.scenario).toBeNull();
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.length).toBeLessThanOrEqual(21);
  });

  it("refuses 1,000-deep nesting, in flow and in block style", () => {
    const flow = `tasks: { T03: { metrics: ${"[".repeat(1000)}${"]".repeat(1000)} } }`;
    expect(errors(flow)[0]).toMatch(/^s\.yaml:1: .*nested/);
    const block = `tasks:\n${Array.from({ length: 1000 }, (_, k) => `${" ".repeat(k + 2)}k${k}:`).join("\n")} x`;
    expect(errors(block).join("\n")).toMatch(/nested|YAML syntax/);
  });

  it("refuses an alias bomb", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let k = 1; k < 10; k++)
      lines.push(
        `a${k}: &a${k} [${Array(10)
          .fill(`*a${k - 1}`)
          .join(", ")}]`,
      );
    expect(errors(lines.join("\n"))[0]).toMatch(/alias bomb/);
  });

  it("refuses a huge file before parsing it", () => {
    expect(errors(`# ${"x".repeat(2 * 1024 * 1024)}`)).toEqual([
      "s.yaml: the scenario is 2,097,154 bytes, over the limit of 1 MB",
    ]);
  });

  it("refuses numbers that are not finite", () => {
    expect(errors("tasks: { T03: { ends: .inf } }")[0]).toMatch(
      /^s\.yaml:1: tasks\.T03\[0\]\.ends: ends must be/,
    );
    expect(errors("people: { review-hours: .nan }")[0]).toMatch(/^s\.yaml:1: people\.reviewHours: /);
    expect(errors("tasks: { T03: { cost: 1e400 } }")[0]).toMatch(/costUsd/);
  });

  it("refuses keys that would reach an object's prototype", () => {
    expect(errors("tasks:\n  __proto__: { outcome: fail }")).toEqual([
      's.yaml:2: "__proto__" cannot be used as a key',
    ]);
  });

  it("caps long lists and long text", () => {
    const many = Array.from({ length: 2000 }, (_, k) => `  - { at: ${k}, command: /pause }`).join("\n");
    expect(errors(`people:\n  commands:\n${many}`)[0]).toMatch(/^s\.yaml:2: people\.commands: Too big/);
    expect(errors(`tasks: { T03: { message: ${"y".repeat(5000)} } }`)[0]).toMatch(/message: Too big/);
  });

  it("lists at most 50 schema errors", () => {
    const bad = Array.from({ length: 200 }, (_, k) => `  - { at: x${k}, command: /pause }`).join("\n");
    const list = errors(`people:\n  commands:\n${bad}`);
    expect(list).toHaveLength(51);
    expect(list.at(-1)).toBe("s.yaml: … and 150 more problems");
  });
});
