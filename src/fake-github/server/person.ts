// What a person does on the fake's GitHub, in the fake itself (no token, no request): open an issue, write a
// comment, push a commit. Each is followed by the webhook GitHub would send the app.

import type { WorldIssue, WorldUser } from "../repo-world.js";
import { issueCommentEvent, issuesEvent } from "../webhooks/webhook-payloads.js";
import type { FakeGitHub } from "./fake-github.js";

export const mona: WorldUser = { login: "mona", type: "User" };

export function personOpensIssue(
  fake: FakeGitHub,
  input: { title: string; body: string; labels?: string[] },
  user: WorldUser = mona,
): WorldIssue {
  const issue = fake.world.openIssue({ ...input, user });
  for (const name of input.labels ?? [])
    if (!fake.world.labels.has(name.toLowerCase()))
      fake.world.labels.set(name.toLowerCase(), { name, color: "ededed", description: "" });
  fake.events.emit(issuesEvent(fake.world, issue, "opened", user));
  return issue;
}

export function personComments(fake: FakeGitHub, number: number, body: string, user: WorldUser = mona): void {
  const issue = fake.world.issue(number);
  const comment = { id: fake.world.id(), body, user, reactions: [] as string[] };
  issue.comments.push(comment);
  fake.events.emit(issueCommentEvent(fake.world, issue, comment, user));
}

export async function personPushes(
  fake: FakeGitHub,
  branch: string,
  files: Record<string, string>,
  message: string,
  user: WorldUser = mona,
): Promise<string> {
  const sha = await fake.git.commitFiles(branch, files, message);
  fake.world.refs.set(branch, sha);
  await fake.events.refMoved(branch, user);
  return sha;
}
