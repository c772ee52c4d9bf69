import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { annotations, checkChange, checkRun, sentBody } from "./check-fixture.js";
import { expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const sent = (index: number) => sentBody(strict(), index);

describe("updateCheckRun", () => {
  it("updates status, conclusion and output", async () => {
    github()
      .patch(checkRun(9001), {
        name: "swarm / T04",
        external_id: "swarm:12:T04:scope",
        status: "completed",
        conclusion: "success",
        output: { title: "T04 in scope", summary: "All files in scope" },
      })
      .reply(200, { id: 9001 });
    const result = await makeRepo().updateCheckRun(
      9001,
      checkChange({
        status: "completed",
        conclusion: "success",
        title: "T04 in scope",
        summary: "All files in scope",
      }),
    );
    expect(result).toBe("updated");
  });

  it("sends 120 annotations in three updates", async () => {
    github().patch(checkRun(9001)).times(3).reply(200, { id: 9001 });
    expect(await makeRepo().updateCheckRun(9001, checkChange({ annotations: annotations(120) }))).toBe(
      "updated",
    );
    expect([sent(0), sent(1), sent(2)].map((body) => body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(sent(0)).toMatchObject({ status: "in_progress", external_id: "swarm:12:T04:scope" });
    expect(Object.keys(sent(2))).toEqual(["output"]);
  });

  it("is missing when the run is gone, before or between its updates", async () => {
    github()
      .patch(checkRun(9001))
      .reply(404, { message: "Not Found" })
      .patch(checkRun(9002))
      .reply(200, { id: 9002 })
      .patch(checkRun(9002))
      .reply(404, { message: "Not Found" });
    const repo = makeRepo();
    expect(await repo.updateCheckRun(9001, checkChange())).toBe("missing");
    expect(await repo.updateCheckRun(9002, checkChange({ annotations: annotations(51) }))).toBe("missing");
  });

  it("refuses a completed run without a conclusion without sending, and surfaces a server error", async () => {
    github().patch(checkRun(9001)).reply(500, { message: "boom" });
    const repo = makeRepo();
    await expectRepoError(
      repo.updateCheckRun(9001, checkChange({ status: "completed" })),
      "invalid",
      null,
      "updating check run 9001 (swarm / T04) in acme/app: a completed check run needs a conclusion",
    );
    await expectRepoError(
      repo.updateCheckRun(9001, checkChange()),
      "unavailable",
      500,
      "updating check run 9001 (swarm / T04) in acme/app: boom",
    );
  });
});
