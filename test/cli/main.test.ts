import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

async function run(argv: string[], files: Record<string, string> = {}) {
  return runCli(argv, files);
}

const plan = `# Implementation Plan — cli-demo

**Track:** cli-demo
**Budget:** $100

- [ ] **T1**: Write the parser
  - **Depends on:** None
  - **Touches:** \`src/parser.ts\`
  - **Effort:** 2h
- [ ] **T2**: Write the printer
  - **Depends on:** None
  - **Touches:** \`src/\`
  - **Effort:** 1h
- [ ] **T3**: Wire them
  - **Depends on:** T1, T2
  - **Touches:** \`src/main.ts\`
  - **Effort:** 1h
`;

describe("swarm-dispatch plan", () => {
  it("prints the dispatch plan as markdown", async () => {
    const { code, stdout, stderr } = await run(["plan", "plan.md"], { "plan.md": plan });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("T1");
    expect(stdout).toContain("```mermaid");
  });

  it("prints the documented JSON object", async () => {
    const { code, stdout } = await run(["plan", "plan.md", "--json", "--agents", "2"], { "plan.md": plan });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).sort()).toEqual(
      [
        "agents",
        "conflicts",
        "costUsd",
        "criticalPath",
        "criticalPathHours",
        "readySet",
        "schedule",
        "serialHours",
        "parallelHours",
        "speedup",
        "tasks",
        "track",
        "waves",
        "wavesHours",
      ].sort(),
    );
    expect(json.track).toEqual({ id: "cli-demo", title: "Implementation Plan — cli-demo" });
    expect(json.readySet).toEqual(["T1", "T2"]);
    // T2 writes the folder src/ that holds both other tasks' files: it can never run beside them.
    expect(json.conflicts).toEqual([
      ["T1", "T2"],
      ["T2", "T3"],
    ]);
    expect(json.serialHours).toBe(4);
    expect(json.parallelHours).toBe(4);
    expect(json.criticalPath).toEqual(["T1", "T3"]);
    expect(json.costUsd).toBe(24);
    expect(json.tasks[0]).toEqual({
      id: "T1",
      title: "Write the parser",
      deps: [],
      touches: ["src/parser.ts"],
      effortHours: 2,
      model: "sonnet",
      costUsd: 12,
      mode: "background",
      unit: "T1",
      status: "todo",
    });
  });

  it("prints every error with its line and exits 1", async () => {
    const broken = plan.replace("T1, T2", "T1, T9").replace("`src/main.ts`", "`/etc/passwd`");
    const { code, stdout, stderr } = await run(["plan", "broken.md"], { "broken.md": broken });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('broken.md:15: T3 depends on unknown task "T9"');
    expect(stderr).toContain('broken.md:16: T3: touch "/etc/passwd" is absolute');
    expect(stderr).toContain("broken.md: 2 errors; nothing was planned");
  });
});

describe("swarm-dispatch validate", () => {
  it("exits 0 for a valid plan", async () => {
    const { code, stderr } = await run(["validate", "plan.md"], { "plan.md": plan });
    expect(code).toBe(0);
    expect(stderr).toContain("plan.md: valid (3 tasks, format blocks)");
  });

  it("refuses binary junk with a clear message", async () => {
    const { code, stderr } = await run(["validate", "junk.bin"], { "junk.bin": "\u0000\u0001garbage" });
    expect(code).toBe(1);
    expect(stderr).toContain("junk.bin: the plan is not text");
  });
});

describe("usage errors exit 2 with a hint", () => {
  it.each([
    [[], /missing command/],
    [["frobnicate", "x"], /unknown command "frobnicate"/],
    [["plan"], /plan needs a plan file/],
    [["plan", "plan.md", "--agents", "0"], /--agents must be a whole number/],
    [["plan", "plan.md", "--format", "toml"], /--format must be one of blocks, registry, yaml, checklist/],
    [["plan", "plan.md", "--bogus"], /Unknown option '--bogus'/],
    [["validate", "plan.md", "--json"], /validate takes only --format/],
    [["plan", "missing.md"], /cannot read missing.md: no such file/],
  ])("%j", async (argv, message) => {
    const { code, stderr } = await run(argv, { "plan.md": plan });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("prints help and version", async () => {
    expect((await run(["--help"])).stdout).toContain("Usage: swarm-dispatch");
    expect((await run(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
