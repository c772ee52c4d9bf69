// The shape of one request a RepoWorld answers: a method, a path pattern under the repository, and the answer.

import type { RepoWorld } from "./repo-world.js";

export type Answer = [number, unknown] | [number, unknown, Record<string, string>];

export type Body = Record<string, unknown>;

export interface Route {
  method: string;
  pattern: RegExp;
  answer: (
    world: RepoWorld,
    m: RegExpExecArray,
    query: URLSearchParams,
    body: Body,
    base: string,
    accept: string,
  ) => Answer;
}

export const notFound: Answer = [404, { message: "Not Found" }];
