// What the check-run write tests share: a check run input, annotations by the dozen, and the JSON a recorded
// request sent.

import type { CheckAnnotation, CheckRunInput } from "../../../src/github/repo/repo-port.js";
import type { StrictNock } from "../../support/github/strict-nock.js";
import { api } from "./repo-fixture.js";

export const checkRuns = `${api}/check-runs`;
export const checkRun = (id: number) => `${api}/check-runs/${id}`;

export function checkInput(extra: Partial<CheckRunInput> = {}): CheckRunInput {
  return {
    name: "swarm / T04",
    headSha: "abc123",
    externalId: "swarm:12:T04:scope",
    status: "in_progress",
    title: "Checking T04",
    summary: "Running",
    ...extra,
  };
}

/** The same input as a change to a run (updateCheckRun takes no head). */
export function checkChange(extra: Partial<CheckRunInput> = {}): Omit<CheckRunInput, "headSha"> {
  const { headSha: _, ...change } = checkInput(extra);
  return change;
}

export function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `src/f${i}.ts`,
    startLine: i + 1,
    endLine: i + 1,
    level: "failure",
    message: `problem ${i}`,
  }));
}

/** The parsed JSON body of the index-th request the strict nock recorded. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads GitHub's JSON freely
export function sentBody(strict: StrictNock, index: number): any {
  return JSON.parse(strict.requests[index]?.body ?? "null");
}
