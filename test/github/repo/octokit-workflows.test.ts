import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const dispatches = `${api}/actions/workflows/swarm-agent.yml/dispatches`;
const runs = `${api}/actions/workflows/swarm-agent.yml/runs`;
const inputs = { track: "12", task: "T04", attempt: "1" };
const run = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: "Swarm agent",
  display_title: `swarm 12 T04 attempt ${id}`,
  html_url: `https://github.com/acme/app/actions/runs/${id}`,
  head_branch: "swarm/12/T04",
  status: "completed",
  conclusion: "success",
  created_at: "2026-01-02T03:04:05Z",
  ...extra,
});

describe("dispatchWorkflow", () => {
  it("asks for the run's details and returns the run id and its page", async () => {
    github().post(dispatches, { ref: "swarm/12/T04", inputs, return_run_details: true }).reply(200, {
      workflow_run_id: 777,
      run_url: "https://api.github.com/repos/acme/app/actions/runs/777",
      html_url: "https://github.com/acme/app/actions/runs/777",
    });
    expect(await makeRepo().dispatchWorkflow("swarm-agent.yml", "swarm/12/T04", inputs)).toEqual({
      id: 777,
      url: "https://github.com/acme/app/actions/runs/777",
    });
  });

  it("returns no run on a host that answers 204, or when the details are missing", async () => {
    github().post(dispatches).reply(204).post(dispatches).reply(200, { workflow_run_id: "777" });
    const repo = makeRepo();
    expect(await repo.dispatchWorkflow("swarm-agent.yml", "main", inputs)).toEqual({ id: null, url: null });
    expect(await repo.dispatchWorkflow("swarm-agent.yml", "main", inputs)).toEqual({ id: null, url: null });
  });

  it("refuses more than 25 inputs or more than 65,535 characters without sending", async () => {
    const repo = makeRepo();
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`input${i}`, "x"]));
    await expectRepoError(
      repo.dispatchWorkflow("swarm-agent.yml", "main", many),
      "invalid",
      null,
      "starting workflow swarm-agent.yml on main in acme/app: 26 inputs, more than GitHub's 25",
    );
    await expectRepoError(
      repo.dispatchWorkflow("swarm-agent.yml", "main", { brief: "x".repeat(65_535) }),
      "invalid",
      null,
      /characters, more than GitHub's 65535/,
    );
    await expectRepoError(
      repo.dispatchWorkflow("..", "main", inputs),
      "invalid",
      null,
      /not a usable workflow/,
    );
    expect(strict().requests).toHaveLength(0);
  });

  it("takes exactly 25 inputs", async () => {
    const most = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`input${i}`, "x"]));
    github().post(dispatches, { ref: "main", inputs: most, return_run_details: true }).reply(204);
    expect(await makeRepo().dispatchWorkflow("swarm-agent.yml", "main", most)).toEqual({
      id: null,
      url: null,
    });
  });

  it("surfaces a missing workflow and one without workflow_dispatch", async () => {
    github()
      .post(dispatches)
      .reply(404, { message: "Not Found" })
      .post(dispatches)
      .reply(422, { message: "Workflow does not have 'workflow_dispatch' trigger" });
    const repo = makeRepo();
    await expectRepoError(
      repo.dispatchWorkflow("swarm-agent.yml", "main", inputs),
      "not-found",
      404,
      "starting workflow swarm-agent.yml on main in acme/app: Not Found",
    );
    await expectRepoError(
      repo.dispatchWorkflow("swarm-agent.yml", "main", inputs),
      "invalid",
      422,
      /workflow_dispatch/,
    );
  });
});

describe("listRuns", () => {
  const query = { branch: "swarm/12/T04", event: "workflow_dispatch", per_page: 50 };

  it("reads the dispatched runs on the branch, titled by their run name", async () => {
    github()
      .get(runs)
      .query(query)
      .reply(200, {
        total_count: 2,
        workflow_runs: [run(2, { status: "in_progress", conclusion: null }), run(1, { display_title: "" })],
      });
    expect(await makeRepo().listRuns("swarm-agent.yml", "swarm/12/T04")).toEqual([
      {
        id: 2,
        url: "https://github.com/acme/app/actions/runs/2",
        title: "swarm 12 T04 attempt 2",
        branch: "swarm/12/T04",
        status: "in_progress",
        conclusion: null,
        createdAt: "2026-01-02T03:04:05Z",
      },
      {
        id: 1,
        url: "https://github.com/acme/app/actions/runs/1",
        title: "Swarm agent",
        branch: "swarm/12/T04",
        status: "completed",
        conclusion: "success",
        createdAt: "2026-01-02T03:04:05Z",
      },
    ]);
  });

  it("is empty when the workflow does not exist", async () => {
    github().get(runs).query(query).reply(404, { message: "Not Found" });
    expect(await makeRepo().listRuns("swarm-agent.yml", "swarm/12/T04")).toEqual([]);
  });

  it("refuses an answer without the run list or a run without its id, and surfaces a server error", async () => {
    github()
      .get(runs)
      .query(query)
      .reply(200, { total_count: 0 })
      .get(runs)
      .query(query)
      .reply(200, { total_count: 1, workflow_runs: [{ name: "no id" }] })
      .get(runs)
      .query(query)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(
      repo.listRuns("swarm-agent.yml", "swarm/12/T04"),
      "unavailable",
      null,
      /is not a list/,
    );
    await expectRepoError(repo.listRuns("swarm-agent.yml", "swarm/12/T04"), "unavailable", null, /has no id/);
    await expectRepoError(
      repo.listRuns("swarm-agent.yml", "swarm/12/T04"),
      "unavailable",
      500,
      "listing the runs of workflow swarm-agent.yml on swarm/12/T04 in acme/app: boom",
    );
  });
});

describe("cancelRun", () => {
  it("cancels a running run, and says finished for one that had ended", async () => {
    github()
      .post(`${api}/actions/runs/777/cancel`)
      .reply(202, {})
      .post(`${api}/actions/runs/778/cancel`)
      .reply(409, { message: "Cannot cancel a workflow run that is completed." });
    const repo = makeRepo();
    expect(await repo.cancelRun(777)).toBe("cancelled");
    expect(await repo.cancelRun(778)).toBe("finished");
  });

  it("surfaces an unknown run and a server error", async () => {
    github()
      .post(`${api}/actions/runs/779/cancel`)
      .reply(404, { message: "Not Found" })
      .post(`${api}/actions/runs/779/cancel`)
      .reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(
      repo.cancelRun(779),
      "not-found",
      404,
      "cancelling workflow run 779 in acme/app: Not Found",
    );
    await expectRepoError(repo.cancelRun(779), "unavailable", 500, /boom/);
  });
});
