// GitHub's own REST description, loaded once per test file: the 13 MB JSON takes ~130 ms to parse, so it is read
// on first use rather than at import, and only the api.github.com file (the package root pulls in every spec).

import { createRequire } from "node:module";

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface SpecOperation {
  operationId: string;
  parameters?: (SpecParameter | { $ref: string })[];
  requestBody?: SpecRequestBody | { $ref: string };
}

export interface SpecRequestBody {
  required?: boolean;
  content: Record<string, { schema?: JsonSchema }>;
}

export type SpecPathItem = Partial<Record<HttpMethod, SpecOperation>>;

export interface OpenApiSpec {
  paths: Record<string, SpecPathItem>;
  components: Record<string, Record<string, unknown>>;
}

export const httpMethods = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof httpMethods)[number];

let loaded: OpenApiSpec | undefined;

export function loadSpec(): OpenApiSpec {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = require("@octokit/openapi/generated/api.github.com.json") as OpenApiSpec;
  }
  return loaded;
}

/** Follows a local `#/components/...` reference; other values come back unchanged. */
export function resolveRef<T>(spec: OpenApiSpec, value: T | { $ref: string }): T {
  let current: unknown = value;
  // References can chain; the bound only guards against a malformed spec that loops.
  for (let hops = 0; hops < 10 && isRef(current); hops++) {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    let target: unknown = spec;
    for (const key of pointer) {
      target = (target as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    if (target === undefined) throw new Error(`OpenAPI reference ${current.$ref} does not resolve`);
    current = target;
  }
  return current as T;
}

function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string"
  );
}

export function operationParameters(spec: OpenApiSpec, operation: SpecOperation): SpecParameter[] {
  return (operation.parameters ?? []).map((parameter) => resolveRef<SpecParameter>(spec, parameter));
}
