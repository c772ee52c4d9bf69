// checkWebhook against GitHub's payload schemas: which definition a name means, and that broken payloads fail
// with a reason naming the field, without throwing.

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { appBot, RepoWorld } from "../../../src/fake-github/repo-world.js";
import { examplePayload } from "../../../src/fake-github/webhook-examples.js";
import { assertWebhook, checkWebhook } from "../../../src/fake-github/webhooks/webhook-check.js";
import { pullRequestEvent } from "../../../src/fake-github/webhooks/webhook-payloads.js";
import type { Loose } from "./loose.js";

const schema = createRequire(import.meta.url)("@octokit/webhooks-schemas") as {
  definitions: Record<string, unknown>;
  oneOf: { $ref: string }[];
};

/** A valid synchronize delivery to break. */
function synchronize(): Loose {
  const world = new RepoWorld();
  const pull = world.openPull({ branch: "swarm/1/a", body: "report" });
  return structuredClone(pullRequestEvent(world, pull, "synchronize", appBot).payload);
}

function reasonOf(name: string, payload: unknown): string {
  const check = checkWebhook(name, payload);
  if (check.ok) throw new Error(`expected ${name} to fail the schema`);
  return check.reason;
}

describe("the schema's names", () => {
  it("names definitions event$action, and event$event for events without actions", () => {
    const names = Object.keys(schema.definitions);
    expect(names).toHaveLength(344);
    expect(schema.oneOf).toHaveLength(66);
    for (const name of [
      "issues$opened",
      "issue_comment$created",
      "pull_request$synchronize",
      "workflow_run$completed",
      "check_run$completed",
      "check_suite$completed",
      "ping$event",
    ])
      expect(names).toContain(name);
    expect(names).not.toContain("ping");
  });
});

describe("checkWebhook", () => {
  it("accepts a documented example that fits the schema", () => {
    expect(checkWebhook("pull_request.opened", examplePayload("pull_request", "opened"))).toEqual({
      ok: true,
    });
  });

  it("rejects a documented example the schema has outgrown, naming the fields", () => {
    // The examples predate fields the schemas now require of a repository.
    const reason = reasonOf("check_suite.completed", examplePayload("check_suite", "completed"));
    expect(reason).toContain("payload.repository.is_template is missing");
  });

  it("names a missing required field by its path", () => {
    const payload = synchronize();
    delete payload.pull_request.head.sha;
    expect(reasonOf("pull_request.synchronize", payload)).toBe(
      "pull_request.synchronize: payload.pull_request.head.sha is missing",
    );
  });

  it("names a field of the wrong type", () => {
    const payload = synchronize();
    payload.number = "7";
    expect(reasonOf("pull_request.synchronize", payload)).toContain("payload.number must be integer");
  });

  it("names a field the schema does not allow", () => {
    const payload = synchronize();
    payload.sender.nickname = "mo";
    expect(reasonOf("pull_request.synchronize", payload)).toContain(
      "payload.sender.nickname is not allowed here",
    );
  });

  it("holds the action to the name", () => {
    const payload = synchronize();
    expect(reasonOf("pull_request.opened", payload)).toContain(
      "payload.action must be equal to one of the allowed values (opened)",
    );
  });

  it("lists at most five problems and counts the rest", () => {
    const payload = synchronize();
    payload.pull_request.user = { login: "mona" };
    const reason = reasonOf("pull_request.synchronize", payload);
    expect(reason.split("; ").length).toBe(6);
    expect(reason).toMatch(/; and \d+ more$/);
  });

  it("takes the action from the payload for a bare event name, as the X-GitHub-Event header gives it", () => {
    expect(checkWebhook("pull_request", synchronize())).toEqual({ ok: true });
    expect(reasonOf("pull_request", {})).toContain('"pull_request" needs an action');
  });

  it("fails unknown events and actions by name", () => {
    expect(reasonOf("pull_requests.opened", synchronize())).toBe(
      'unknown webhook event "pull_requests" (no schema for it)',
    );
    expect(reasonOf("pull_request.merged", synchronize())).toMatch(
      /^unknown webhook "pull_request.merged" \(/,
    );
    expect(reasonOf("", {})).toContain('unknown webhook event ""');
  });

  it("checks an event without actions against event$event", () => {
    expect(reasonOf("ping", { zen: "Keep it logically awesome." })).toContain("payload.hook_id is missing");
  });

  it("fails non-objects cleanly", () => {
    for (const payload of [null, undefined, "issues", 42, [synchronize()]])
      expect(reasonOf("pull_request.synchronize", payload)).toBe(
        "pull_request.synchronize: payload must be object",
      );
  });

  it("validates a huge string field, and fails a huge wrong-typed one without echoing it", () => {
    const payload = synchronize();
    payload.pull_request.body = "x".repeat(5_000_000);
    expect(checkWebhook("pull_request.synchronize", payload)).toEqual({ ok: true });
    payload.number = "9".repeat(1_000_000);
    const reason = reasonOf("pull_request.synchronize", payload);
    expect(reason).toContain("payload.number must be integer");
    expect(reason.length).toBeLessThan(500);
  });

  it("fails a cyclic payload or one whose getter throws, without throwing", () => {
    const cyclic = synchronize();
    cyclic.sender = cyclic;
    expect(reasonOf("pull_request.synchronize", cyclic)).toContain("payload.sender.login is missing");
    const hostile = synchronize();
    Object.defineProperty(hostile, "number", {
      enumerable: true,
      get() {
        throw new Error("no number today");
      },
    });
    expect(reasonOf("pull_request.synchronize", hostile)).toBe(
      "pull_request.synchronize: could not be checked (no number today)",
    );
  });

  it("checks formats: a date-time must be RFC 3339 and a uri absolute", () => {
    const payload = synchronize();
    payload.pull_request.created_at = "2026-12-06 09:00:00";
    payload.pull_request.html_url = "/acme/shop/pull/1";
    const reason = reasonOf("pull_request.synchronize", payload);
    expect(reason).toContain('payload.pull_request.created_at must match format "date-time"');
    expect(reason).toContain('payload.pull_request.html_url must match format "uri"');
  });
});

describe("assertWebhook", () => {
  it("passes a valid payload and throws the reason for an invalid one", () => {
    expect(() => assertWebhook("pull_request.synchronize", synchronize())).not.toThrow();
    const payload = synchronize();
    delete payload.before;
    expect(() => assertWebhook("pull_request.synchronize", payload)).toThrow(
      "pull_request.synchronize: payload.before is missing",
    );
  });
});
