// Checks a webhook payload against GitHub's published payload schemas (@octokit/webhooks-schemas), so a test
// delivery is one GitHub could really send: the fields exist, have the right types and fit the action.
// The schema is one 630 kB document of 344 definitions; each is compiled on first use with only the definitions
// it reaches attached (as openapi-body.ts does for the REST spec): ~40 ms the first time, where compiling through
// the whole document costs over two seconds.

import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

export type WebhookCheck = { ok: true } | { ok: false; reason: string };

type Definitions = Record<string, unknown>;

const maxProblems = 5;
let definitions: Definitions | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function loadDefinitions(): Definitions {
  definitions ??= (
    createRequire(import.meta.url)("@octokit/webhooks-schemas") as { definitions: Definitions }
  ).definitions;
  return definitions;
}

// RFC 3339 date-time (what GitHub sends: "2026-12-06T09:00:00Z"), with a real calendar date behind it.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
// An absolute URI: a scheme and no white space. URI templates ("…/following{/other_user}") fit it as well.
const absoluteUri = /^[a-z][a-z0-9+.-]*:\S*$/i;

function createAjv(): Ajv {
  // ajv-formats is not installed, so the formats the schemas use (uri, uri-template, date-time) are registered
  // here as simple checks, plus email for schema versions to come. strict: false because the schemas carry
  // `tsAdditionalProperties`, a hint for their TypeScript generator that ajv does not know; a format not
  // registered here is then ignored with a warning instead of failing the compile.
  const instance = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  instance.addFormat("date-time", {
    type: "string",
    validate: (text) => dateTime.test(text) && !Number.isNaN(Date.parse(text)),
  });
  instance.addFormat("uri", { type: "string", validate: (text) => absoluteUri.test(text) });
  instance.addFormat("uri-template", { type: "string", validate: (text) => absoluteUri.test(text) });
  instance.addFormat("email", { type: "string", validate: (text) => /^[^\s@]+@[^\s@]+$/.test(text) });
  return instance;
}

/** The definition and the ones it references, transitively. */
function reachedFrom(name: string, all: Definitions): Definitions {
  const reached = new Set([name]);
  // `reached` grows while it is iterated, which walks the references transitively.
  for (const current of reached) {
    JSON.stringify(all[current], (key, value) => {
      if (key === "$ref" && typeof value === "string") reached.add(value.replace("#/definitions/", ""));
      return value;
    });
  }
  return Object.fromEntries([...reached].map((each) => [each, all[each]]));
}

function validatorFor(definition: string): ValidateFunction {
  let validate = compiled.get(definition);
  if (validate === undefined) {
    ajv ??= createAjv();
    const all = loadDefinitions();
    validate = ajv.compile({
      $ref: `#/definitions/${definition}`,
      definitions: reachedFrom(definition, all),
    });
    compiled.set(definition, validate);
  }
  return validate;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function actionsOf(event: string, all: Definitions): string[] {
  return Object.keys(all)
    .filter((key) => key.startsWith(`${event}$`))
    .map((key) => key.slice(event.length + 1));
}

/** Which definition a delivery name means, or why there is none. "issues.opened" → issues$opened; a bare
 *  "ping" → ping$event (the schemas' name for events without actions); a bare "issues" takes the payload's
 *  action, as GitHub's X-GitHub-Event header does. */
function definitionFor(name: string, payload: unknown): { definition: string } | { problem: string } {
  const all = loadDefinitions();
  const dot = name.indexOf(".");
  const event = dot < 0 ? name : name.slice(0, dot);
  const actions = actionsOf(event, all);
  if (actions.length === 0) return { problem: `unknown webhook event "${event}" (no schema for it)` };
  const action =
    dot >= 0
      ? name.slice(dot + 1)
      : actions.includes("event")
        ? "event"
        : isRecord(payload) && typeof payload.action === "string"
          ? payload.action
          : undefined;
  if (action !== undefined && actions.includes(action)) return { definition: `${event}$${action}` };
  const known = actions.join(", ");
  return action === undefined
    ? { problem: `"${event}" needs an action: name it "${event}.<action>" (one of ${known})` }
    : { problem: `unknown webhook "${event}.${action}" (${event} has: ${known})` };
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const path = `payload${error.instancePath.replace(/\//g, ".")}`;
  if (typeof params.missingProperty === "string") return `${path}.${params.missingProperty} is missing`;
  if (typeof params.additionalProperty === "string")
    return `${path}.${params.additionalProperty} is not allowed here`;
  const allowed = Array.isArray(params.allowedValues) ? ` (${params.allowedValues.join(", ")})` : "";
  return `${path} ${error.message ?? "is invalid"}${allowed}`;
}

function reasonOf(name: string, errors: ErrorObject[]): string {
  const problems = [...new Set(errors.map(describe))];
  const more = problems.length > maxProblems ? `; and ${problems.length - maxProblems} more` : "";
  return `${name}: ${problems.slice(0, maxProblems).join("; ")}${more}`;
}

/** Whether `payload` is a `name` delivery GitHub could send ("issues.opened", or a bare "ping"). Never throws. */
export function checkWebhook(name: string, payload: unknown): WebhookCheck {
  try {
    const found = definitionFor(name, payload);
    if ("problem" in found) return { ok: false, reason: found.problem };
    const validate = validatorFor(found.definition);
    if (validate(payload)) return { ok: true };
    return { ok: false, reason: reasonOf(name, validate.errors ?? []) };
  } catch (error) {
    // A payload whose getters throw, or a schema ajv cannot compile, is a failed check, not a crash.
    return { ok: false, reason: `${name}: could not be checked (${(error as Error).message})` };
  }
}

export function assertWebhook(name: string, payload: unknown): void {
  const check = checkWebhook(name, payload);
  if (!check.ok) throw new Error(check.reason);
}
