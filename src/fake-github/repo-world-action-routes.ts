// The world's Actions: workflow dispatches (a run per dispatch, named as the agent workflow names it), the
// runs of a workflow on a branch, and cancelling a run.

import { runName } from "../github/workflows/run-name.js";
import { runUrl } from "./repo-world-json.js";
import { notFound, type Route } from "./repo-world-route.js";

export const actionRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/actions\/workflows\/([^/]+)\/dispatches$/,
    answer: (world, m, _query, body, base) => {
      const workflow = decodeURIComponent(m[1] ?? "");
      if (!world.options.workflows.includes(workflow)) return [404, { message: "Not Found" }];
      const ref = String(body.ref);
      if (!world.refs.has(ref)) return [422, { message: `No ref found for: ${ref}` }];
      const inputs = (body.inputs ?? {}) as Record<string, string>;
      const run = {
        id: world.id(),
        workflow,
        branch: ref,
        title: runName(inputs.track ?? "", inputs.task ?? "", Number(inputs.attempt)),
        inputs,
        status: "queued" as const,
        conclusion: null,
      };
      world.runs.push(run);
      if (!world.options.runDetails || body.return_run_details !== true) return [204, ""];
      return [
        200,
        {
          workflow_run_id: run.id,
          run_url: `https://api.github.com${base}/actions/runs/${run.id}`,
          html_url: runUrl(world, run.id),
        },
      ];
    },
  },
  {
    method: "GET",
    pattern: /^\/actions\/workflows\/([^/]+)\/runs$/,
    answer: (world, m, query, _body) => {
      const workflow = decodeURIComponent(m[1] ?? "");
      const runs = world.runs
        .filter(
          (run) => run.workflow === workflow && (!query.get("branch") || run.branch === query.get("branch")),
        )
        .reverse()
        .map((run) => ({
          id: run.id,
          name: "swarm-agent",
          display_title: run.title,
          head_branch: run.branch,
          status: run.status,
          conclusion: run.conclusion,
          event: "workflow_dispatch",
          html_url: runUrl(world, run.id),
          created_at: "2026-12-06T12:00:00Z",
        }));
      return [200, { total_count: runs.length, workflow_runs: runs }];
    },
  },
  {
    method: "POST",
    pattern: /^\/actions\/runs\/(\d+)\/cancel$/,
    answer: (world, m, _query, _body) => {
      const run = world.runs.find((candidate) => candidate.id === Number(m[1]));
      if (!run) return notFound;
      if (run.status === "completed")
        return [409, { message: "Cannot cancel a workflow run that is completed." }];
      run.status = "completed";
      run.conclusion = "cancelled";
      return [202, {}];
    },
  },
];
