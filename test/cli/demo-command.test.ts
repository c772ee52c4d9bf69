// `swarm-dispatch demo` for real, once: the demo track on the GitHub fake with the app in its own process, as a
// user runs it in CI (not a terminal). Asserted is what the user sees: the exit code, the progress lines, and
// the files in the out folder. Plus the command line it refuses.

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runCli } from "../support/run-cli.js";

describe("swarm-dispatch demo, for real", () => {
  let dir: string;
  let out: string;
  let code: number;
  let stdout = "";
  let stderr = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "swarm-demo-test-"));
    out = join(dir, "nested/out");
    code = await main(["demo", "--out", out], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readFile: (path) => readFile(path, "utf8"),
      writeFile: async (path, text) => {
        await mkdir(join(path, ".."), { recursive: true });
        await writeFile(path, text, "utf8");
      },
    });
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("closes the track and says so", () => {
    expect(code, `${stderr}\n${stdout}`).toBe(0);
    expect(stdout).toContain("Outcome: the track closed");
    expect(stdout).toMatch(/Pull requests merged: \d+/);
    expect(stdout).toMatch(/Cost: \$\d/);
  });

  it("shows progress as plain lines, no cursor moves", () => {
    expect(stdout).not.toContain("\x1b[");
    const lines = stdout.split("\n").filter((line) => /^\s*\d+\.\ds /.test(line));
    for (const task of ["T03", "T04", "T05", "T06", "T-AUTO-01"])
      expect(lines.some((line) => line.includes(` ${task} `))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^\s*\d+\.\ds T04 PR #\d+ opened$/));
    expect(lines).toContainEqual(expect.stringMatching(/T04 check test failed/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s*\d+\.\ds track closed$/));
  });

  it("writes the dashboard, the final report, the chart and the timeline", async () => {
    for (const name of ["dashboard.md", "final-report.md", "gantt.svg", "timeline.md"]) {
      expect(existsSync(join(out, name)), name).toBe(true);
      expect(stdout).toContain(join(out, name));
    }
    const dashboard = await readFile(join(out, "dashboard.md"), "utf8");
    expect(dashboard.startsWith("## Swarm Dispatch dashboard")).toBe(true);
    for (const task of ["T03", "T04", "T05", "T06", "T-AUTO-01"]) expect(dashboard).toContain(task);
    const report = await readFile(join(out, "final-report.md"), "utf8");
    expect(report.startsWith("## Swarm Dispatch: the track is complete")).toBe(true);
    const timeline = await readFile(join(out, "timeline.md"), "utf8");
    expect(timeline).toContain("1. T03 attempt 1");
  });

  it("draws one bar per attempt", async () => {
    const svg = await readFile(join(out, "gantt.svg"), "utf8");
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain("<title>Demo — demo-add-caching</title>");
    const bars = [...svg.matchAll(/<g class="bar[ "][^>]*><title>([^<]*)<\/title>/g)].map(
      (match) => match[1],
    );
    expect(bars).toHaveLength(6);
    const ids = bars.map((title) => /^\S+/.exec(title ?? "")?.[0]).sort();
    expect(ids).toEqual(["T-AUTO-01", "T03", "T04", "T05", "T05", "T06"]);
  });
});

describe("swarm-dispatch demo's command line", () => {
  it.each([
    [["demo", "extra-arg"], /unexpected argument "extra-arg"/],
    [["demo", "--agents", "3"], /demo takes only --out \(got --agents\)/],
    [["demo", "--out", ""], /--out needs a folder/],
    [["plan", "plan.md", "--out", "x"], /--out is an option of demo only/],
  ])("%j is a usage error", async (argv, message) => {
    const { code, stderr, stdout } = await runCli(argv, { "plan.md": "# x" });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });

  it("says when the out folder cannot be made, before anything runs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "swarm-demo-out-"));
    try {
      await writeFile(join(dir, "a-file"), "");
      const { code, stderr, stdout } = await runCli(["demo", "--out", join(dir, "a-file/out")]);
      expect(code).toBe(2);
      expect(stderr).toContain(`cannot create the folder ${join(dir, "a-file/out")} (--out)`);
      expect(stdout).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is in the help", async () => {
    expect((await runCli(["--help"])).stdout).toContain("demo [--out DIR]");
  });
});
