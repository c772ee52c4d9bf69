import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { annotations, checkRun, checkRuns, checkInput as input, sentBody } from "./check-fixture.js";
import { expectRepoError, makeRepo } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const sent = (index: number) => sentBody(strict(), index);
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("createCheckRun", () => {
  it("creates a run on the head with its key and output, and returns its id", async () => {
    github()
      .post(checkRuns, {
        name: "swarm / T04",
        head_sha: "abc123",
        external_id: "swarm:12:T04:scope",
        status: "in_progress",
        output: { title: "Checking T04", summary: "Running" },
      })
      .reply(201, { id: 9001, name: "swarm / T04" });
    expect(await makeRepo().createCheckRun(input())).toBe(9001);
  });

  it("sends a conclusion and GitHub's annotation fields, paths as they are", async () => {
    const long = `${"very/".repeat(600)}deep.ts`;
    github()
      .post(checkRuns, {
        name: "swarm / T04",
        head_sha: "abc123",
        external_id: "swarm:12:T04:scope",
        status: "completed",
        conclusion: "failure",
        output: {
          title: "T04 left its scope",
          summary: "2 files outside",
          text: "details",
          annotations: [
            {
              path: "docs/read me #1 50% 🚀.md",
              start_line: 1,
              end_line: 2,
              annotation_level: "failure",
              message: "outside the task's scope",
              title: "Out of scope",
            },
            { path: long, start_line: 4, end_line: 4, annotation_level: "notice", message: "long path" },
          ],
        },
      })
      .reply(201, { id: 9002 });
    const id = await makeRepo().createCheckRun(
      input({
        status: "completed",
        conclusion: "failure",
        title: "T04 left its scope",
        summary: "2 files outside",
        text: "details",
        annotations: [
          {
            path: "docs/read me #1 50% 🚀.md",
            startLine: 1,
            endLine: 2,
            level: "failure",
            message: "outside the task's scope",
            title: "Out of scope",
          },
          { path: long, startLine: 4, endLine: 4, level: "notice", message: "long path" },
        ],
      }),
    );
    expect(id).toBe(9002);
  });

  it("sends 120 annotations in three requests: 50 with the create, then 50 and 20 in updates", async () => {
    github().post(checkRuns).reply(201, { id: 9003 }).patch(checkRun(9003)).times(2).reply(200, { id: 9003 });
    const id = await makeRepo().createCheckRun(
      input({ status: "completed", conclusion: "failure", text: "more", annotations: annotations(120) }),
    );
    expect(id).toBe(9003);
    expect(strict().requests.map((request) => request.method)).toEqual(["POST", "PATCH", "PATCH"]);
    const [create, second, third] = [sent(0), sent(1), sent(2)];
    expect(create.output.annotations).toHaveLength(50);
    expect(create.output.annotations[0]).toMatchObject({ path: "src/f0.ts", message: "problem 0" });
    // The updates carry only the output: the same title, summary and text, and the next annotations.
    expect(Object.keys(second)).toEqual(["output"]);
    expect(second.output).toMatchObject({ title: "Checking T04", summary: "Running", text: "more" });
    expect(second.output.annotations.map((a: { message: string }) => a.message)).toEqual(
      Array.from({ length: 50 }, (_, i) => `problem ${i + 50}`),
    );
    expect(third.output.annotations).toHaveLength(20);
    expect(third.output.annotations.at(-1)).toMatchObject({ path: "src/f119.ts", message: "problem 119" });
  });

  it("cuts a 100 KB summary and text to 65,535 bytes of whole characters, and long annotation fields", async () => {
    github().post(checkRuns).reply(201, { id: 9004 });
    const summary = `${"a".repeat(65_533)}🚀${"b".repeat(40_000)}`;
    const text = "é€".repeat(20_000);
    await makeRepo().createCheckRun(
      input({
        summary,
        text,
        annotations: [
          {
            path: "a.ts",
            startLine: 1,
            endLine: 1,
            level: "warning",
            message: "€".repeat(30_000),
            title: `${"t".repeat(254)}🚀`,
          },
        ],
      }),
    );
    const { output } = sent(0);
    // The emoji would end at byte 65,537: it is left out whole, not split.
    expect(output.summary).toBe("a".repeat(65_533));
    expect(bytes(output.text)).toBeLessThanOrEqual(65_535);
    expect(text.startsWith(output.text)).toBe(true);
    expect(output.text).not.toContain("\uFFFD");
    expect(output.annotations[0].message).toBe("€".repeat(21_845));
    expect(output.annotations[0].title).toBe("t".repeat(254));
  });

  it("refuses a completed run without a conclusion, or a conclusion on one still going, without sending", async () => {
    const repo = makeRepo();
    await expectRepoError(
      repo.createCheckRun(input({ status: "completed" })),
      "invalid",
      null,
      "creating check run swarm / T04 on abc123 in acme/app: a completed check run needs a conclusion",
    );
    await expectRepoError(
      repo.createCheckRun(input({ status: "queued", conclusion: "success" })),
      "invalid",
      null,
      /a queued check run cannot have a conclusion \(success\)/,
    );
    expect(strict().requests).toHaveLength(0);
  });

  it("refuses an answer without the id, and surfaces GitHub's refusal", async () => {
    github()
      .post(checkRuns)
      .reply(201, { name: "no id" })
      .post(checkRuns)
      .reply(422, { message: "Validation Failed", errors: [{ code: "invalid", field: "head_sha" }] })
      .post(checkRuns)
      .reply(403, { message: "Resource not accessible by integration" });
    const repo = makeRepo();
    await expectRepoError(repo.createCheckRun(input()), "unavailable", null, /has no id/);
    await expectRepoError(repo.createCheckRun(input()), "invalid", 422, /Validation Failed: invalid/);
    await expectRepoError(repo.createCheckRun(input()), "forbidden", 403, /not accessible/);
  });

  it("names the run it made when adding later annotations fails, and returns its id if the run vanished", async () => {
    github()
      .post(checkRuns)
      .reply(201, { id: 9005 })
      .patch(checkRun(9005))
      .reply(500, { message: "boom" })
      .post(checkRuns)
      .reply(201, { id: 9006 })
      .patch(checkRun(9006))
      .reply(404, { message: "Not Found" });
    const repo = makeRepo();
    await expectRepoError(
      repo.createCheckRun(input({ annotations: annotations(60) })),
      "unavailable",
      500,
      "adding annotations 51-60 to check run 9005 (swarm / T04) in acme/app: boom",
    );
    expect(await repo.createCheckRun(input({ annotations: annotations(60) }))).toBe(9006);
  });
});
