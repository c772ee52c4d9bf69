// One request the fake served, as the API benchmark and the tests read it back.

export interface ServedRequest {
  method: string;
  /** The path under the API root, without the query. */
  path: string;
  /** GitHub's path template (from the REST description), e.g. /repos/{owner}/{repo}/issues. */
  template: string;
  status: number;
  /** Milliseconds since the fake started. */
  at: number;
  /** Which of the app's endpoints it came through (an instance in a race), or "action" for a runner. */
  endpoint: string;
  /** Whose token it carried: the app's (or its JWT), the Action's in a runner, or none. */
  client: "app" | "action" | "none";
  /** The delivery being answered when it came, as `event.action`; "background" when none was. */
  during: string;
}

/** GitHub's content-creating requests (the secondary limit of 80 a minute counts these). */
export function createsContent(request: Pick<ServedRequest, "method" | "template">): boolean {
  if (request.method === "GET") return false;
  if (request.template.endsWith("/access_tokens")) return false;
  return ["POST", "PUT", "PATCH", "DELETE"].includes(request.method);
}
