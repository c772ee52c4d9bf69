// Finds the operation GitHub's description gives for a method and a concrete path. Literal segments beat
// parameters (`/issues/comments` is not issue number "comments"), and a path parameter whose schema says integer
// must be digits, which catches `/issues/undefined` built from a missing value.

import {
  type HttpMethod,
  httpMethods,
  loadSpec,
  operationParameters,
  type SpecOperation,
  type SpecPathItem,
} from "./openapi-spec.js";

interface Route {
  template: string;
  item: SpecPathItem;
  exact: RegExp;
  // A last parameter from slashParameters may span slashes when nothing matches segment by segment.
  spanning: RegExp | undefined;
  // One character per segment, "1" literal and "0" parameter: a larger string is the more specific template.
  specificity: string;
  names: string[];
}

export type RouteMatch =
  | { ok: true; template: string; operation: SpecOperation; pathParams: Record<string, string> }
  | { ok: false; reason: string };

// Parameters whose values hold slashes (file paths, refs, branch names): Octokit sends them encoded, but GitHub
// also accepts them raw, so a test mock may be written either way.
const slashParameters = new Set(["path", "ref", "branch", "basehead", "tag"]);

let routes: Route[] | undefined;

function buildRoutes(): Route[] {
  return Object.entries(loadSpec().paths).map(([template, item]) => {
    const segments = template.split("/").slice(1);
    const names: string[] = [];
    const parts = segments.map((segment) =>
      segment.replace(/\{([^}]+)\}|[^{]+/g, (token, name: string | undefined) => {
        if (name === undefined) return token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(name);
        return "([^/]+?)";
      }),
    );
    const exact = new RegExp(`^/${parts.join("/")}$`);
    const last = /^\{([^}]+)\}$/.exec(segments.at(-1) ?? "")?.[1];
    const spanning =
      last !== undefined && slashParameters.has(last)
        ? new RegExp(`^/${[...parts.slice(0, -1), "(.+)"].join("/")}$`)
        : undefined;
    const specificity = segments.map((segment) => (segment.includes("{") ? "0" : "1")).join("");
    return { template, item, exact, spanning, specificity, names };
  });
}

function candidates(pathname: string, pattern: "exact" | "spanning"): { route: Route; values: string[] }[] {
  routes ??= buildRoutes();
  const found: { route: Route; values: string[] }[] = [];
  for (const route of routes) {
    const match = route[pattern]?.exec(pathname);
    if (match) found.push({ route, values: match.slice(1) });
  }
  return found.sort((a, b) => b.route.specificity.localeCompare(a.route.specificity));
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function pathParamProblem(operation: SpecOperation, params: Record<string, string>): string | undefined {
  for (const parameter of operationParameters(loadSpec(), operation)) {
    if (parameter.in !== "path") continue;
    const value = params[parameter.name];
    const schema = parameter.schema ?? {};
    if (value === undefined) return `path parameter ${parameter.name} is missing`;
    if (schema.type === "integer" && !/^\d+$/.test(value)) {
      return `path parameter ${parameter.name} must be an integer, got "${value}"`;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      return `path parameter ${parameter.name} must be one of ${schema.enum.join(", ")}, got "${value}"`;
    }
  }
  return undefined;
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  const verb = method.toLowerCase() as HttpMethod;
  if (!httpMethods.includes(verb))
    return { ok: false, reason: `GitHub's REST API has no method "${method}"` };
  let reason: string | undefined;
  for (const pattern of ["exact", "spanning"] as const) {
    for (const { route, values } of candidates(pathname, pattern)) {
      const operation = route.item[verb];
      if (operation === undefined) {
        const allowed = httpMethods.filter((m) => route.item[m] !== undefined).map((m) => m.toUpperCase());
        reason ??= `GitHub has no ${method.toUpperCase()} on ${route.template} (it has ${allowed.join(", ")})`;
        continue;
      }
      const pathParams = Object.fromEntries(route.names.map((name, i) => [name, decode(values[i] ?? "")]));
      const problem = pathParamProblem(operation, pathParams);
      if (problem !== undefined) {
        reason = `${route.template}: ${problem}`;
        continue;
      }
      return { ok: true, template: route.template, operation, pathParams };
    }
  }
  return { ok: false, reason: reason ?? `no path template in GitHub's REST description matches ${pathname}` };
}
