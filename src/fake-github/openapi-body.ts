// Validates a request body against the operation's requestBody schema. Each body schema is compiled once, with
// only the component schemas it reaches attached under `components`, so the spec's `#/components/...` references
// resolve unchanged without ajv walking all 2.6 MB of component schemas.

import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import {
  type JsonSchema,
  loadSpec,
  resolveRef,
  type SpecOperation,
  type SpecRequestBody,
} from "./openapi-spec.js";

const componentRef = /^#\/components\/schemas\/([^/]+)$/;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

// Copies a schema; OpenAPI 3.0 lets `nullable` stand beside allOf/oneOf without a `type`, which ajv refuses to
// compile, so such a `nullable` is dropped (the schema then accepts null only if its subschemas do).
function copyForAjv(node: unknown, reached: Set<string>): unknown {
  if (typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => copyForAjv(item, reached));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "nullable" && (node as Record<string, unknown>).type === undefined) continue;
    if (key === "$ref" && typeof value === "string") {
      const name = componentRef.exec(value)?.[1];
      if (name !== undefined) reached.add(name);
    }
    copy[key] = copyForAjv(value, reached);
  }
  return copy;
}

function withComponents(schema: JsonSchema): JsonSchema {
  const all = loadSpec().components.schemas ?? {};
  const reached = new Set<string>();
  const root = copyForAjv(schema, reached) as JsonSchema;
  const schemas: Record<string, unknown> = {};
  // `reached` grows while it is iterated, which walks the references transitively.
  for (const name of reached) schemas[name] = copyForAjv(all[name], reached);
  return { ...root, components: { schemas } };
}

function validatorFor(operationId: string, schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(operationId);
  if (validate === undefined) {
    // strict: false because the spec carries OpenAPI keywords (example, nullable, x-*) ajv does not know;
    // formats are off since ajv-formats is not a dependency and GitHub's formats are advisory here.
    ajv ??= new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: false });
    validate = ajv.compile(withComponents(schema));
    compiled.set(operationId, validate);
  }
  return validate;
}

function describeError(error: ErrorObject): string {
  const where = `body${error.instancePath.replace(/\//g, ".")}`;
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty !== undefined
      ? ` (${String(params.additionalProperty)})`
      : Array.isArray(params.allowedValues)
        ? ` (${params.allowedValues.join(", ")})`
        : "";
  return `${where} ${error.message ?? "is invalid"}${detail}`;
}

function isEmpty(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    body === "" ||
    (typeof body === "object" && !Array.isArray(body) && Object.keys(body).length === 0)
  );
}

/** Undefined when the body fits the operation, else the first problem found. */
export function bodyProblem(operation: SpecOperation, body: unknown): string | undefined {
  const spec = loadSpec();
  const requestBody =
    operation.requestBody === undefined
      ? undefined
      : resolveRef<SpecRequestBody>(spec, operation.requestBody);
  if (requestBody === undefined) {
    return isEmpty(body) ? undefined : "sends a body, but GitHub's description of this operation takes none";
  }
  if (body === undefined || body === "") {
    return requestBody.required ? "has no body, but this operation requires one" : undefined;
  }
  const json = requestBody.content["application/json"];
  // Raw uploads (markdown as text, release assets) carry no JSON schema to check against.
  if (json?.schema === undefined) return undefined;
  let value: unknown = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return "body is not valid JSON";
    }
  }
  const schema = resolveRef<JsonSchema>(spec, json.schema);
  const validate = validatorFor(operation.operationId, schema);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    return first === undefined ? "body does not match the schema" : describeError(first);
  }
  return unlistedProperty(schema, value);
}

// GitHub ignores properties it does not know, so a misspelt field would pass silently; for plain object schemas
// that do not allow extra properties explicitly, an unlisted top-level property is reported instead.
function unlistedProperty(schema: JsonSchema, value: unknown): string | undefined {
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (schema.type !== "object" || properties === undefined || schema.additionalProperties !== undefined) {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const unlisted = Object.keys(value).find((key) => !Object.hasOwn(properties, key));
  if (unlisted === undefined) return undefined;
  return `body has property "${unlisted}", which GitHub's description does not list (it lists ${Object.keys(properties).join(", ")})`;
}
