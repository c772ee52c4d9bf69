// The agent workflow's runs: started with workflow_dispatch on a task branch, found again by their run name
// (which carries track, task and attempt) when a dispatch may have been sent before a crash, and cancelled.

import { RepoError } from "./errors.js";
import { fieldsOf, idOf, listOf, nestedFields, nullableTextOf, textOf } from "./read-response.js";
import { exchange, pathSegment, type RepoClient } from "./repo-client.js";
import type { DispatchedRun, FoundRun } from "./repo-port.js";

// GitHub's limits for workflow_dispatch inputs: refused here, before a request that can only fail.
export const maxDispatchInputs = 25;
export const maxDispatchInputCharacters = 65_535;

/** The problem with the inputs, or null when GitHub would take them. */
export function dispatchInputsProblem(inputs: Readonly<Record<string, string>>): string | null {
  const count = Object.keys(inputs).length;
  if (count > maxDispatchInputs) return `${count} inputs, more than GitHub's ${maxDispatchInputs}`;
  const size = JSON.stringify(inputs).length;
  if (size > maxDispatchInputCharacters) {
    return `inputs of ${size} characters, more than GitHub's ${maxDispatchInputCharacters}`;
  }
  return null;
}

export function runFromAnswer(item: unknown, doing: string): FoundRun {
  const fields = fieldsOf(item, doing);
  return {
    id: idOf(fields, "id", doing),
    url: textOf(fields, "html_url"),
    // display_title is the run-name; older hosts have only the workflow's name.
    title: textOf(fields, "display_title") || textOf(fields, "name"),
    branch: nullableTextOf(fields, "head_branch"),
    status: nullableTextOf(fields, "status"),
    conclusion: nullableTextOf(fields, "conclusion"),
    createdAt: textOf(fields, "created_at"),
  };
}

export class OctokitWorkflows {
  constructor(private readonly client: RepoClient) {}

  async dispatchWorkflow(
    workflow: string,
    ref: string,
    inputs: Readonly<Record<string, string>>,
  ): Promise<DispatchedRun> {
    const { octokit, repo, slug } = this.client;
    const doing = `starting workflow ${workflow} on ${ref} in ${slug}`;
    const problem = dispatchInputsProblem(inputs);
    if (problem !== null) throw new RepoError("invalid", `${doing}: ${problem}`, null);
    const workflowId = pathSegment(workflow, "workflow file name", doing);
    return exchange(doing, async () => {
      const response = await octokit.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id: workflowId,
        ref,
        inputs: { ...inputs },
        return_run_details: true,
      });
      // 204: a host that predates run details. The run was started either way, so a 200 with odd fields is
      // not an error: throwing would make the caller start it again.
      const status: number = response.status;
      const data: unknown = response.data;
      if (status !== 200) return { id: null, url: null };
      const fields = nestedFields(data);
      const id = fields.workflow_run_id;
      return {
        id: typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? id : null,
        url: nullableTextOf(fields, "html_url"),
      };
    });
  }

  async listRuns(workflow: string, branch: string): Promise<FoundRun[]> {
    const { octokit, repo, slug } = this.client;
    const doing = `listing the runs of workflow ${workflow} on ${branch} in ${slug}`;
    const workflowId = pathSegment(workflow, "workflow file name", doing);
    return exchange(
      doing,
      async () => {
        const { data } = await octokit.rest.actions.listWorkflowRuns({
          ...repo,
          workflow_id: workflowId,
          branch,
          event: "workflow_dispatch",
          per_page: 50,
        });
        return listOf(fieldsOf(data, doing).workflow_runs, doing).map((item) => runFromAnswer(item, doing));
      },
      // No such workflow file has no runs; the dispatch that follows says clearly what is missing.
      { "not-found": [] },
    );
  }

  async cancelRun(run: number): Promise<"cancelled" | "finished"> {
    const { octokit, repo, slug } = this.client;
    return exchange(
      `cancelling workflow run ${run} in ${slug}`,
      async () => {
        await octokit.rest.actions.cancelWorkflowRun({ ...repo, run_id: run });
        return "cancelled" as const;
      },
      // 409 "Cannot cancel a workflow run that is completed."
      { conflict: "finished" },
    );
  }
}
