// Serves a RepoWorld on a strict nock scope: every method, every path, answered by the world (which records what
// it does not know, for assertClean).

import type nock from "nock";
import type { RepoWorld } from "../../../src/fake-github/repo-world.js";

export function serveWorld(world: RepoWorld, scope: nock.Scope, pathPrefix = ""): void {
  for (const method of ["get", "post", "put", "patch", "delete"] as const) {
    scope
      .persist()
      [method](/.*/)
      .optionally()
      .reply(function reply(uri, body) {
        const accept = String(this.req.headers.accept ?? "");
        const url = new URL(uri, "https://api.github.com");
        return world.answer(
          method.toUpperCase(),
          url.pathname.slice(pathPrefix.length),
          url.searchParams,
          body,
          accept,
        ) as Promise<[number, unknown]>;
      });
  }
}
