import { describe, expect, it } from "vitest";
import type { WorldIssue } from "../../../src/fake-github/repo-world.js";
import { isPlanProblemsComment } from "../../../src/github/tracks/plan-problems.js";
import { parseDashboardMarker } from "../../../src/render/dashboard.js";
import { type AppWorld, commentPayload, issuesPayload, useAppWorld } from "../../support/github/app-world.js";
import { planBody } from "./plans.js";

const app = useAppWorld({ permissions: { mona: "write", guest: "read" } });
const live = /(^|[^A-Za-z0-9_])@[A-Za-z0-9]|#\d|:\/\/|(?<!\\)<img/i;

async function edit(
  world: AppWorld,
  issue: WorldIssue,
  body: string,
  sender = { login: "mona", type: "User" as const },
) {
  issue.body = body;
  await world.deliver("issues", issuesPayload(world.world, issue, "edited", sender));
}

const problemsOf = (issue: WorldIssue) =>
  issue.comments.filter((comment) => isPlanProblemsComment(comment.body, issue.number));

describe("the plan in a track issue", () => {
  it("answers an invalid plan with one comment listing every problem with body lines, and starts nothing", async () => {
    const world = app();
    const broken = planBody.replace("deps: [T01, T02]", "deps: [T01, T09]").replace("id: T02", "id: T01");
    const track = world.world.openIssue({ title: "Broken", body: broken, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    expect(world.world.appIssues()).toEqual([]);
    expect(world.world.state).toBeNull();
    const [comment] = problemsOf(track);
    expect(track.comments).toHaveLength(1);
    expect(comment?.body).toContain("**This plan was not started.** Swarm Dispatch found 2 problems");
    // Line numbers count from the issue body's first line (the YAML fence starts on line 3).
    expect(comment?.body).toContain('- **line 13:** duplicate task id "T01" (first defined at line 9)');
    expect(comment?.body).toContain('- **line 18:** T03 depends on unknown task "T09"');

    // Another invalid edit edits the same comment; the fixed edit starts the track and says so there.
    await edit(
      world,
      track,
      broken.replace("id: T01\n    title: Login form", "id: T02\n    title: Login form"),
    );
    expect(problemsOf(track)).toHaveLength(1);
    expect(problemsOf(track)[0]?.body).toContain("found 1 problem");
    await edit(world, track, planBody);
    expect(world.world.appIssues()).toHaveLength(3);
    expect(problemsOf(track)[0]?.body).toContain("**The plan is valid now**");
  });

  it("adds the issues of tasks an edit adds, and refuses an edit that changes a dispatched task", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    await world.deliver("issue_comment", commentPayload(world.world, track, "/dispatch T01"));
    const added = planBody
      .replace("```\n", "")
      .replace(/```$/, "  - id: T04\n    title: Docs\n    touches: [docs/login.md]\n```");
    await edit(world, track, added);
    expect(world.world.appIssues().map((issue) => issue.title)).toContain("T04: Docs");
    expect(track.subIssues).toHaveLength(4);

    const changed = added.replace("touches: [src/db/session.ts]", "touches: [src/db/]");
    await edit(world, track, changed);
    const refusal = track.comments.find((c) => c.body.startsWith("This edit of the plan was not applied"));
    expect(refusal?.body).toContain("T01 was changed, but it has been dispatched");
    expect(world.world.appIssues()).toHaveLength(4);
  });

  it("ignores an edit of the title only, and refuses an edit by someone without write access", async () => {
    const world = app();
    const track = world.world.openIssue({ title: "Login", body: planBody, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    const before = world.strict.requests.length;
    await world.deliver(
      "issues",
      issuesPayload(world.world, track, "edited", undefined, { changes: { title: { from: "x" } } }),
    );
    expect(world.strict.requests.length).toBe(before);
    await edit(world, track, `${planBody}\n`.replace("Session schema", "Owned by guest"), {
      login: "guest",
      type: "User",
    });
    expect(track.comments.at(-1)?.body).toBe(
      "This edit of the plan was not applied: only people with write access to this repository can start or change a track, and `guest` has read access.",
    );
    expect(world.world.appIssues()[0]?.title).toBe("T01: Session schema");
  });

  it("refuses a plan of more than 100 dispatch units (here 5,000 tasks) with a message that suggests splitting it", async () => {
    const world = app();
    const tasks = Array.from({ length: 5000 }, (_, k) => `- [ ] ${k + 1}. Step ${k + 1}`).join("\n");
    const body = `# Huge\n\n${tasks}\n`;
    const track = world.world.openIssue({ title: "Huge", body, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    expect(world.world.appIssues()).toEqual([]);
    const [comment] = problemsOf(track);
    expect(comment?.body).toContain("this plan has 5,000 dispatch units; a track holds at most 100");
    expect(comment?.body).toContain("split the plan into several track issues");
  });

  it("keeps markdown, HTML, mentions and references in titles inert in issues and the dashboard", async () => {
    const world = app();
    const hostile = planBody
      .replace(
        "title: Session schema",
        'title: "<img src=https://evil.example/p.png> @everyone fix #1 ![x](https://evil.example)"',
      )
      .replace("title: Login form", 'title: "| cell | ```` </details> <!-- -->"');
    const track = world.world.openIssue({ title: "Hostile", body: hostile, labels: ["swarm:track"] });
    await world.deliver("issues", issuesPayload(world.world, track, "opened"));
    const [t1, t2] = world.world.appIssues();
    // A title shows text as it is (no markup), so only mentions and references matter there.
    expect(t1?.title).not.toMatch(/@[A-Za-z]|#\d|:\/\//);
    expect(t1?.title).toContain("everyone");
    expect(t2?.title).toContain("| cell |");
    const dashboard = track.comments.find((c) => parseDashboardMarker(c.body))?.body ?? "";
    const taskRows = dashboard.split("\n").filter((line) => line.startsWith("| T0"));
    for (const row of taskRows)
      expect(row.replace(/\[run\]\([^)]*\)/g, "").replace(/#\d+ \|/g, "|")).not.toMatch(live);
    expect(dashboard.match(/^\| T01 \|.*$/m)?.[0].split(/(?<!\\)\|/)).toHaveLength(9);
    expect(dashboard.match(/^\| T02 \|.*$/m)?.[0].split(/(?<!\\)\|/)).toHaveLength(9);
  });
});
