// The YAML that GitHub runs or that people copy: every workflow of this repository, the agent workflow template
// users copy, and the Action's manifest. Paths are relative to the repository root (where Vitest runs).

import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";

export const agentWorkflowFile = ".github/workflows/swarm-agent.yml";
export const templateFile = "docs/swarm-agent.example.yml";
export const actionFile = "action.yml";

export const workflowFiles: string[] = [
  ...readdirSync(".github/workflows")
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `.github/workflows/${name}`),
  templateFile,
];

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

export function readYaml<T>(file: string): T {
  return parse(readText(file)) as T;
}
