// app.yml is what `npm run setup` registers the App with (the manifest flow needs github.com, so it cannot run
// here): it must ask for every event the app handles and nothing it ignores. Its permissions are checked against
// the requests the app really makes in the end-to-end test (test/e2e/demo-track.test.ts).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createSwarmDispatchApp } from "../../../src/github/app.js";

const manifest = parse(readFileSync("app.yml", "utf8")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
  hook_attributes: { url: string };
};

function subscribedEvents(): string[] {
  const names: string[] = [];
  const app = {
    on: (events: string | string[]) => names.push(...(Array.isArray(events) ? events : [events])),
    log: { error: () => {}, info: () => {}, warn: () => {} },
  };
  (createSwarmDispatchApp({ reconcile: () => {} }) as (app: unknown) => void)(app);
  return [...new Set(names.map((name) => name.split(".")[0] as string))].sort();
}

describe("app.yml, the App's manifest", () => {
  it("subscribes to exactly the events the app handles", () => {
    expect([...manifest.default_events].sort()).toEqual(subscribedEvents());
  });

  it("sends webhooks to the path npm start serves", () => {
    expect(new URL(manifest.hook_attributes.url).pathname).toBe("/api/github/webhooks");
  });
});
