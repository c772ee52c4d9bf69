// How each single-value setting is explained when it is wrong: what it expects, an example line to write instead,
// and what the app uses meanwhile. The checks themselves are the zod schemas in settings-schema.ts.

import { labelPrefixProblem } from "../labels/label-names.js";
import { branchProblem, workflowProblem } from "./check-names.js";
import { settingsLimits as limits, type scalarSchemas } from "./settings-schema.js";

export type ScalarName = keyof typeof scalarSchemas;

export interface ScalarField {
  expected: string;
  example: string;
  /** The default in words, for "using the default (…)". */
  defaultText: string;
  /** A precise reason for a string value the schema refused, when there is one. */
  why?: (value: string) => string | null;
}

export const scalarFields: Record<ScalarName, ScalarField> = {
  workflow: {
    expected: "the file name of the agent workflow in .github/workflows",
    example: "workflow: swarm-agent.yml",
    defaultText: "swarm-agent.yml",
    why: workflowProblem,
  },
  baseBranch: {
    expected: "a branch name, or null for the repository's default branch",
    example: "baseBranch: main",
    defaultText: "the repository's default branch",
    why: branchProblem,
  },
  maxParallel: {
    expected: `a whole number from 1 to ${limits.maxParallel}, or null to keep each plan's own`,
    example: "maxParallel: 4",
    defaultText: "each plan's own",
  },
  repoMaxParallel: {
    expected: `a whole number from 1 to ${limits.repoMaxParallel}`,
    example: "repoMaxParallel: 10",
    defaultText: "10",
  },
  budgetUsd: {
    expected: `an amount in USD above 0 and at most ${limits.budgetUsd}, or null for none`,
    example: "budgetUsd: 25",
    defaultText: "no budget for plans that set none",
  },
  commandPermission: {
    expected: "write, maintain or admin",
    example: "commandPermission: maintain",
    defaultText: "write",
  },
  labelPrefix: {
    expected: "a short label prefix",
    example: 'labelPrefix: "swarm:"',
    defaultText: '"swarm:"',
    why: labelPrefixProblem,
  },
  autoMerge: { expected: "true or false", example: "autoMerge: true", defaultText: "false" },
  gateTimeoutMinutes: {
    expected: `a whole number of minutes from 1 to ${limits.gateTimeoutMinutes}`,
    example: "gateTimeoutMinutes: 60",
    defaultText: "60",
  },
  otherPullRequests: {
    expected: "fail or warn",
    example: "otherPullRequests: warn",
    defaultText: "fail",
  },
};
