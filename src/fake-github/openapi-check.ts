// Checks one REST request against GitHub's own description: the method and path must match a path template,
// the query parameter names must be the operation's, and a JSON body must validate against its schema.

import { bodyProblem } from "./openapi-body.js";
import { matchRoute } from "./openapi-routes.js";
import { loadSpec, operationParameters } from "./openapi-spec.js";

export interface CheckedRequest {
  method: string;
  /** A full URL or a path, with or without a query string; a GHE `/api/v3` prefix is accepted. */
  url: string;
  /** Parsed JSON, a JSON string, or undefined/"" for no body. */
  body?: unknown;
}

export type CheckResult = { ok: true; operationId: string; template: string } | { ok: false; reason: string };

const enterprisePrefix = /^\/api\/v3(?=\/)/;
// GraphQL is outside the REST description: api.github.com/graphql, or /api/graphql on an Enterprise host.
const graphqlPath = /^(\/api)?\/graphql$/;

// Only the envelope is checked (no GraphQL schema is installed): a POST whose JSON has a string `query`.
function checkGraphql(label: string, method: string, body: unknown): CheckResult {
  if (method.toUpperCase() !== "POST") return { ok: false, reason: `${label}: GraphQL takes POST only` };
  let value: unknown = body;
  try {
    if (typeof body === "string") value = JSON.parse(body);
  } catch {
    return { ok: false, reason: `${label}: body is not valid JSON` };
  }
  const query =
    typeof value === "object" && value !== null ? (value as { query?: unknown }).query : undefined;
  if (typeof query !== "string") return { ok: false, reason: `${label}: body must have a string "query"` };
  return { ok: true, operationId: "graphql", template: "/graphql" };
}

export function checkRequest({ method, url, body }: CheckedRequest): CheckResult {
  let parsed: URL;
  try {
    parsed = new URL(url, "https://api.github.com");
  } catch {
    return { ok: false, reason: `${method.toUpperCase()} ${url.slice(0, 200)}: not a URL` };
  }
  const pathname = parsed.pathname.replace(enterprisePrefix, "");
  const label = `${method.toUpperCase()} ${pathname}`;
  if (graphqlPath.test(pathname)) return checkGraphql(label, method, body);
  const route = matchRoute(method, pathname);
  if (!route.ok) return { ok: false, reason: `${label}: ${route.reason}` };

  const known = new Set(
    operationParameters(loadSpec(), route.operation)
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => parameter.name),
  );
  const unknownQuery = [...new Set(parsed.searchParams.keys())].filter((name) => !known.has(name));
  if (unknownQuery.length > 0) {
    const allowed = known.size > 0 ? [...known].join(", ") : "none";
    return {
      ok: false,
      reason: `${label} (${route.template}): unknown query parameter ${unknownQuery.join(", ")} (allowed: ${allowed})`,
    };
  }

  const problem = bodyProblem(route.operation, body);
  if (problem !== undefined) return { ok: false, reason: `${label} (${route.template}): ${problem}` };
  return { ok: true, operationId: route.operation.operationId, template: route.template };
}
