import { describe, expect, it } from "vitest";
import { adaptPayload, examplePayload } from "../../../src/fake-github/webhook-examples.js";

describe("examplePayload", () => {
  it("returns a real example for the event and action, preferring one that carries an installation", () => {
    const payload = examplePayload("issue_comment", "created");
    expect(payload.action).toBe("created");
    expect(payload.installation?.id).toEqual(expect.any(Number));
    expect(payload.comment.body).toEqual(expect.any(String));
  });

  it("hands out a deep copy each time", () => {
    const first = examplePayload("issue_comment", "created");
    first.comment.body = "changed";
    first.issue.labels?.splice(0);
    const second = examplePayload("issue_comment", "created");
    expect(second.comment.body).not.toBe("changed");
  });

  it("picks by index or predicate among the examples for that action", () => {
    const withoutInstallation = examplePayload("issue_comment", "created", { pick: (p) => !p.installation });
    expect(withoutInstallation.installation).toBeUndefined();
    expect(examplePayload("issue_comment", "created", { pick: 0 }).action).toBe("created");
    expect(() => examplePayload("issue_comment", "created", { pick: 99 })).toThrow(
      /no "issue_comment.created" example fits pick \(\d+ candidates\)/,
    );
  });

  it("names what exists when asked for something that does not", () => {
    expect(() => examplePayload("issue_comment", "pinned" as "created")).toThrow(
      'no "issue_comment" example with action "pinned" (examples exist for: created, deleted, edited)',
    );
    expect(() => examplePayload("no_such_event" as "issues")).toThrow(
      /no webhook examples for "no_such_event" \(known: .*issue_comment/,
    );
  });
});

describe("adaptPayload", () => {
  it("retargets installation, repository, issue, body and comment author, keeping URLs consistent", () => {
    const payload = adaptPayload(examplePayload("issue_comment", "created"), {
      installationId: 4242,
      owner: "acme",
      repo: "app",
      issueNumber: 7,
      body: "/dispatch T04",
      labels: ["swarm:track"],
      author: { login: "swarm-dispatch[bot]", type: "Bot" },
    });
    expect(payload.installation?.id).toBe(4242);
    expect(payload.repository).toMatchObject({
      name: "app",
      full_name: "acme/app",
      owner: { login: "acme" },
    });
    expect(payload.repository.url).toBe("https://api.github.com/repos/acme/app");
    expect(payload.issue.number).toBe(7);
    expect(payload.issue.url).toBe("https://api.github.com/repos/acme/app/issues/7");
    expect(payload.comment.issue_url).toBe("https://api.github.com/repos/acme/app/issues/7");
    expect(payload.comment.body).toBe("/dispatch T04");
    expect(payload.issue.labels?.map((label) => label.name)).toEqual(["swarm:track"]);
    expect(payload.comment.user).toMatchObject({ login: "swarm-dispatch[bot]", type: "Bot" });
    expect(payload.sender).toMatchObject({ login: "swarm-dispatch[bot]", type: "Bot" });
  });

  it("sets the issue body and the labelled label on an issues delivery", () => {
    const payload = adaptPayload(examplePayload("issues", "labeled"), {
      body: "## T01\nplan",
      label: "swarm:track",
      author: { type: "User" },
    });
    expect(payload.issue.body).toBe("## T01\nplan");
    expect(payload.label?.name).toBe("swarm:track");
    expect(payload.issue.user?.type).toBe("User");
  });
});
