// Writing the app's check runs: one request makes or changes the run with its first 50 annotations, and each
// further 50 go in an update of the same run, which GitHub appends to the ones it has.

import {
  type AnnotationBody,
  annotationBatches,
  annotationsPerRequest,
  outputBody,
  refuseBadStatus,
} from "./check-output.js";
import { fieldsOf, idOf } from "./read-response.js";
import { exchange, type RepoClient } from "./repo-client.js";
import type { CheckRunInput } from "./repo-port.js";

type Change = Omit<CheckRunInput, "headSha">;

/** The fields of a create or update; a conclusion only when there is one. */
function runBody(input: Change, annotations: readonly AnnotationBody[]) {
  return {
    name: input.name,
    external_id: input.externalId,
    status: input.status,
    ...(input.conclusion === undefined ? {} : { conclusion: input.conclusion }),
    output: outputBody(input, annotations),
  };
}

/** Sends annotation batches after the first; `missing` as soon as the run is gone. */
async function appendAnnotations(
  client: RepoClient,
  id: number,
  input: Change,
  batches: readonly AnnotationBody[][],
): Promise<"updated" | "missing"> {
  const { octokit, repo, slug } = client;
  for (const [index, batch] of batches.entries()) {
    const from = (index + 1) * annotationsPerRequest + 1;
    // The run exists by now: the message names it, so a caller can find it again rather than make another.
    const doing = `adding annotations ${from}-${from + batch.length - 1} to check run ${id} (${input.name}) in ${slug}`;
    const sent = await exchange(
      doing,
      async () => {
        // The output is sent whole again (title and summary are required), with only the new annotations.
        await octokit.rest.checks.update({ ...repo, check_run_id: id, output: outputBody(input, batch) });
        return "updated" as const;
      },
      { "not-found": "missing" },
    );
    if (sent === "missing") return "missing";
  }
  return "updated";
}

export async function createCheckRun(client: RepoClient, input: CheckRunInput): Promise<number> {
  const { octokit, repo, slug } = client;
  const doing = `creating check run ${input.name} on ${input.headSha} in ${slug}`;
  refuseBadStatus(input, doing);
  const [first = [], ...rest] = annotationBatches(input.annotations);
  const id = await exchange(doing, async () => {
    const { data } = await octokit.rest.checks.create({
      ...repo,
      head_sha: input.headSha,
      ...runBody(input, first),
    });
    return idOf(fieldsOf(data, doing), "id", doing);
  });
  // A run deleted between two requests is not worth an error: its id is all the caller asked for.
  await appendAnnotations(client, id, input, rest);
  return id;
}

export async function updateCheckRun(
  client: RepoClient,
  id: number,
  input: Change,
): Promise<"updated" | "missing"> {
  const { octokit, repo, slug } = client;
  const doing = `updating check run ${id} (${input.name}) in ${slug}`;
  refuseBadStatus(input, doing);
  const [first = [], ...rest] = annotationBatches(input.annotations);
  const updated = await exchange(
    doing,
    async () => {
      await octokit.rest.checks.update({ ...repo, check_run_id: id, ...runBody(input, first) });
      return "updated" as const;
    },
    // The run was deleted: the caller makes a new one.
    { "not-found": "missing" },
  );
  return updated === "missing" ? "missing" : appendAnnotations(client, id, input, rest);
}
