// The parts of webhook payloads the handlers read, typed loosely on purpose: deliveries are signed by GitHub,
// but fields differ between github.com, GitHub Enterprise versions and event actions, and a handler must say
// "not for me" rather than throw on a field that is missing.

import type { IssueLabel } from "../labels/index.js";

export interface Actor {
  login: string;
  type?: string;
}

export interface IssuePayload {
  number: number;
  id?: number;
  title?: string;
  body?: string | null;
  state?: string;
  user?: Actor | null;
  labels?: IssueLabel[];
  pull_request?: unknown;
}

export interface IssuesPayload {
  action: string;
  issue: IssuePayload;
  sender?: Actor;
  label?: { name?: string };
  changes?: { body?: unknown; title?: unknown };
}

export interface CommentPayload {
  action: string;
  issue: IssuePayload;
  comment: { id: number; body?: string | null; user?: Actor | null };
  sender?: Actor;
}

/** A bot account (GitHub Apps, Dependabot, this app): never a person giving commands or starting tracks. */
export function isBot(actor: Actor | null | undefined): boolean {
  return actor?.type === "Bot" || (typeof actor?.login === "string" && actor.login.endsWith("[bot]"));
}
