// The parts of workflow and action YAML the tests read, typed loosely: the files are checked for shape by
// GitHub's parser (github-parser.test.ts), these types only let the tests say what they expect.

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  if?: string;
  "runs-on"?: string;
  "timeout-minutes"?: number;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  env?: Record<string, unknown>;
  steps: Step[];
}

export interface Workflow {
  name: string;
  "run-name"?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

export interface ActionManifest {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main?: string };
}

/** The steps that run this project's Action: a local path (`./`, `./.swarm-action`) or the released one. */
export function actionSteps(job: Job): Step[] {
  return job.steps.filter(
    (step) => step.uses !== undefined && (step.uses.startsWith("./") || /\/swarm-dispatch@/.test(step.uses)),
  );
}

/** The only job of a workflow. */
export function onlyJob(workflow: Workflow): Job {
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1 || jobs[0] === undefined) throw new Error(`expected one job, found ${jobs.length}`);
  return jobs[0];
}
