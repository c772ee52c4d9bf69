import { describe, expect, it } from "vitest";
import { useStrictNock } from "../../support/github/strict-nock.js";
import { api, expectRepoError, makeRepo, nextPage } from "./repo-fixture.js";

// Every request is checked against GitHub's OpenAPI description; an unexpected or unused one fails the test.
const strict = useStrictNock();
const github = () => strict().scope();
const files = `${api}/pulls/31/files`;
const file = (filename: string, extra: Record<string, unknown> = {}) => ({
  sha: "abc",
  filename,
  status: "modified",
  additions: 1,
  deletions: 0,
  changes: 1,
  ...extra,
});
const page = (from: number, count = 100) =>
  Array.from({ length: count }, (_, i) => file(`src/f${from + i}.ts`));
/** Mocks `count` full pages, each naming the next one. */
function mockPages(count: number): void {
  const scope = github();
  for (let number = 1; number <= count; number++) {
    scope
      .get(files)
      .query(number === 1 ? { per_page: 100 } : { per_page: 100, page: number })
      .reply(200, page((number - 1) * 100), nextPage(`${files}?per_page=100&page=${number + 1}`));
  }
}

describe("listPullFiles", () => {
  it("reads paths verbatim, with a rename's previous path", async () => {
    const long = `${"deep/".repeat(800)}file.ts`;
    github()
      .get(files)
      .query({ per_page: 100 })
      .reply(200, [
        file("docs/read me #1 (50% done) 🚀.md", { status: "added" }),
        file("src/new name.ts", { status: "renamed", previous_filename: "src/old%20name.ts" }),
        file(long, { status: "removed", previous_filename: null }),
      ]);
    expect(await makeRepo().listPullFiles(31, 100)).toEqual([
      { path: "docs/read me #1 (50% done) 🚀.md", previousPath: null, status: "added" },
      { path: "src/new name.ts", previousPath: "src/old%20name.ts", status: "renamed" },
      { path: long, previousPath: null, status: "removed" },
    ]);
  });

  it("pages until the limit and asks for no more", async () => {
    mockPages(3);
    const found = await makeRepo().listPullFiles(31, 250);
    expect(found).toHaveLength(250);
    expect(found.at(-1)?.path).toBe("src/f249.ts");
    expect(strict().requests).toHaveLength(3);
  });

  it("stops at GitHub's 3,000 files even when the host pages on and the limit is higher", async () => {
    // A 31st page is not mocked: asking for it would fail the test.
    mockPages(30);
    const found = await makeRepo().listPullFiles(31, 10_000);
    expect(found).toHaveLength(3000);
    expect(found.at(-1)?.path).toBe("src/f2999.ts");
    expect(strict().requests).toHaveLength(30);
  });

  it("reads the last page GitHub names, and sends nothing for a limit of 0", async () => {
    github()
      .get(files)
      .query({ per_page: 100 })
      .reply(200, page(0), nextPage(`${files}?per_page=100&page=2`))
      .get(files)
      .query({ per_page: 100, page: 2 })
      .reply(200, page(100, 7));
    const repo = makeRepo();
    expect(await repo.listPullFiles(31, 0)).toEqual([]);
    expect(await repo.listPullFiles(31, 1000)).toHaveLength(107);
  });

  it("defaults a missing status, but refuses a file without its name", async () => {
    github()
      .get(files)
      .query({ per_page: 100 })
      .reply(200, [{ filename: "a.ts", previous_filename: "" }])
      .get(files)
      .query({ per_page: 100 })
      .reply(200, [file("a.ts"), { status: "added" }])
      .get(files)
      .query({ per_page: 100 })
      .reply(200, { files: [] });
    const repo = makeRepo();
    expect(await repo.listPullFiles(31, 10)).toEqual([{ path: "a.ts", previousPath: null, status: "" }]);
    await expectRepoError(repo.listPullFiles(31, 10), "unavailable", null, /has no filename/);
    await expectRepoError(repo.listPullFiles(31, 10), "unavailable", null, /is not a list/);
  });

  it("surfaces a missing pull request and a diff too large to list", async () => {
    github()
      .get(files)
      .query({ per_page: 100 })
      .reply(404, { message: "Not Found" })
      .get(files)
      .query({ per_page: 100 })
      .reply(422, { message: "Sorry, this diff is taking too long to generate." });
    const repo = makeRepo();
    await expectRepoError(
      repo.listPullFiles(31, 10),
      "not-found",
      404,
      "listing the files of pull request #31 of acme/app: Not Found",
    );
    await expectRepoError(repo.listPullFiles(31, 10), "invalid", 422, /too long to generate/);
  });
});
