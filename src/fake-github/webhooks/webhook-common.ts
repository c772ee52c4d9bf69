// What every built delivery shares: its shape, the installation it is addressed to, GitHub-style ids, labels,
// reactions and the fixed times the fake world lives in. A builder finishes with `delivery()`, which checks the
// payload against GitHub's schemas, so no builder can hand out a payload GitHub could not send.

import { createHash } from "node:crypto";
import type { RepoWorld } from "../repo-world.js";
import { assertWebhook } from "./webhook-check.js";

/** A delivery: the event name with its action ("issues.opened") and the payload GitHub would post. */
export interface WebhookDelivery {
  name: string;
  payload: Record<string, unknown>;
}

export interface DeliveryOptions {
  /** The installation the delivery is addressed to (the app's installation on the world's repository). */
  installationId?: number;
}

/** The installation the fake world lists (`GET /app/installations`) and the test harness delivers to. */
export const defaultInstallationId = 4242;

export const web = "https://github.com";

/** The world's clock starts here (test/support/github/app-world.ts); objects were made at that instant and
 *  changed a little later. */
export const createdAt = "2026-12-06T09:00:00Z";
export const updatedAt = "2026-12-06T09:05:00Z";

/** A stable positive id for something the world does not number (users, labels, the repository). */
export function stableId(text: string): number {
  return (Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16) % 900_000_000) + 1e8;
}

/** GitHub's (legacy) global node id: base64 of "0<length>:<Type><id>", e.g. "MDQ6VXNlcjE=" for User 1. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

export function installation(options: DeliveryOptions): { id: number; node_id: string } {
  const id = options.installationId ?? defaultInstallationId;
  return { id, node_id: nodeId("IntegrationInstallation", id) };
}

/** The sha a branch points at in the world (a stable made-up one for a branch the world does not hold). */
export function branchSha(world: RepoWorld, branch: string): string {
  return world.refs.get(branch) ?? world.sha(`ref:${branch}`);
}

export function repoApi(world: RepoWorld): string {
  return `${world.apiBase}/repos/${world.fullName}`;
}

/** The head commit a suite or run reports (GitHub's "commit-simple"); task branches are pushed by the app. */
export function headCommit(world: RepoWorld, sha: string, message: string) {
  const committer = { name: "swarm-dispatch[bot]", email: "swarm-dispatch[bot]@users.noreply.github.com" };
  return {
    id: sha,
    tree_id: world.sha(`tree:${sha}`),
    message,
    timestamp: createdAt,
    author: committer,
    committer,
  };
}

/** A label object; colour and description come from the world's labels when it has the label. */
export function labelObject(world: RepoWorld, name: string): Record<string, unknown> {
  const known = world.labels.get(name.toLowerCase());
  const id = stableId(`label:${world.fullName}:${name.toLowerCase()}`);
  return {
    id,
    node_id: nodeId("Label", id),
    url: `${repoApi(world)}/labels/${encodeURIComponent(name)}`,
    name,
    color: known?.color ?? "ededed",
    default: false,
    description: known?.description || null,
  };
}

const reactionNames = ["+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"] as const;

/** The reactions summary GitHub attaches to issues and comments, counted from the world's reactions. */
export function reactionsObject(url: string, given: readonly string[] = []): Record<string, unknown> {
  const counts = reactionNames.map((name) => [name, given.filter((each) => each === name).length] as const);
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  return { url, total_count: total, ...Object.fromEntries(counts) };
}

/** Finishes a builder: the payload must fit GitHub's schema for `name`, else the builder is wrong. */
export function delivery(name: string, payload: Record<string, unknown>): WebhookDelivery {
  assertWebhook(name, payload);
  return { name, payload };
}
