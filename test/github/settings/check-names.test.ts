import { describe, expect, it } from "vitest";
import { allowedPathProblem, branchProblem, workflowProblem } from "../../../src/github/settings/index.js";

describe("workflowProblem", () => {
  it("accepts a bare workflow file name", () => {
    for (const name of ["swarm-agent.yml", "agents.yaml", "a_b.1.yml"])
      expect(workflowProblem(name)).toBeNull();
  });

  it.each([
    "",
    "a/b.yml",
    "..\\x.yml",
    ".hidden.yml",
    "agent",
    "a b.yml",
    "%2e%2e.yml",
    `${"a".repeat(100)}.yml`,
  ])("refuses %j", (name) => expect(workflowProblem(name)).not.toBeNull());
});

describe("branchProblem", () => {
  it("accepts branch names git accepts", () => {
    for (const name of ["main", "release/2.x", "feature/a-b_c", "v1.0"])
      expect(branchProblem(name)).toBeNull();
  });

  it.each([
    "",
    "refs/heads/main",
    "a b",
    "a..b",
    "a~1",
    "a^",
    "a:b",
    "a?",
    "a*",
    "a[",
    "a\\b",
    "-x",
    "/a",
    "a/",
    "a//b",
    "a.",
    "a/.b",
    "a.lock",
    "a@{1}",
    "@",
    "a\u0000",
  ])("refuses %j", (name) => expect(branchProblem(name)).not.toBeNull());
});

describe("allowedPathProblem", () => {
  it("accepts what a plan's touches accept, short of the whole repository", () => {
    for (const path of ["CHANGELOG.md", "docs/", "**/package-lock.json", "src/*.snap"]) {
      expect(allowedPathProblem(path)).toBeNull();
    }
    for (const path of [".", "./", "**", "**/", "**/*", "**/**"])
      expect(allowedPathProblem(path)).toMatch(/every file/);
  });
});
