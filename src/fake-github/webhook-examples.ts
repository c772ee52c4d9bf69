// Real webhook payloads from @octokit/webhooks-examples (GitHub's documented examples), handed out as deep
// copies so a test may change one freely; adaptPayload() retargets one to the test's repository and actors.

import { createRequire } from "node:module";
import type { EmitterWebhookEvent, EmitterWebhookEventName } from "@octokit/webhooks";

export { type Actor, adaptPayload, type PayloadChanges } from "./adapt-payload.js";

/** Event names without an action: "issue_comment", "issues", "workflow_run" … */
export type WebhookEventName = Exclude<EmitterWebhookEventName, `${string}.${string}`>;
export type WebhookAction<E extends WebhookEventName> =
  Extract<EmitterWebhookEventName, `${E}.${string}`> extends `${E}.${infer A}` ? A : never;
export type ExamplePayload<
  E extends WebhookEventName,
  A extends string | undefined = undefined,
> = EmitterWebhookEvent<A extends string ? Extract<`${E}.${A}`, EmitterWebhookEventName> : E>["payload"];

interface WebhookDefinition {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

let definitions: WebhookDefinition[] | undefined;

function loadDefinitions(): WebhookDefinition[] {
  definitions ??= createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];
  return definitions;
}

export interface ExampleOptions<P> {
  /** Which matching example: an index, or the first the predicate accepts. By default the first one that
   *  carries an `installation` (what an app receives), else the first. */
  pick?: number | ((payload: P) => boolean);
}

export function examplePayload<
  E extends WebhookEventName,
  A extends WebhookAction<E> | undefined = undefined,
>(event: E, action?: A, options: ExampleOptions<ExamplePayload<E, A>> = {}): ExamplePayload<E, A> {
  const all = loadDefinitions();
  const definition = all.find((candidate) => candidate.name === event);
  if (definition === undefined) {
    throw new Error(`no webhook examples for "${event}" (known: ${all.map((d) => d.name).join(", ")})`);
  }
  const matching = definition.examples.filter((example) => action === undefined || example.action === action);
  if (matching.length === 0) {
    const actions = [...new Set(definition.examples.map((example) => String(example.action)))];
    throw new Error(
      `no "${event}" example with action "${action}" (examples exist for: ${actions.join(", ")})`,
    );
  }
  const { pick } = options;
  const chosen =
    typeof pick === "number"
      ? matching[pick]
      : typeof pick === "function"
        ? matching.find((example) => pick(example as ExamplePayload<E, A>))
        : (matching.find((example) => example.installation !== undefined) ?? matching[0]);
  if (chosen === undefined) {
    throw new Error(
      `no "${event}${action ? `.${action}` : ""}" example fits pick (${matching.length} candidates)`,
    );
  }
  return structuredClone(chosen) as ExamplePayload<E, A>;
}
