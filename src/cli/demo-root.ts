// Where the demo finds what it runs: this package's root (the folder whose package.json is "swarm-dispatch"),
// found by walking up from the running module, so it works from build/cli after `npm ci` and from src/cli under
// tsx alike; and how to start the app there: the built entry point when there is one, else the source via tsx.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageName = "swarm-dispatch";

/** The package root above `moduleUrl`, or null when no package.json up the tree is this package's. */
export function findPackageRoot(moduleUrl: string): string | null {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (isOurPackage(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isOurPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { name?: unknown }).name === packageName;
  } catch {
    // No file, or not JSON: not ours, keep walking up.
    return false;
  }
}

/**
 * Node's arguments to start the app: build/ is what `npm start` runs, so the built CLI uses it when it is there;
 * a CLI running from source (tsx, the tests) starts the app from source too, so that a stale build/ never
 * stands in for the code under test; a checkout without a build uses tsx either way.
 */
export function appArgsFor(root: string, fromSource: boolean): string[] {
  const built = join(root, "build/github/start/main.js");
  if (!fromSource && existsSync(built)) return [built];
  return ["--import", "tsx", join(root, "src/github/start/main.ts")];
}

/** The running module is TypeScript source (run by tsx or vitest), not the build. */
export const isSourceModule = (moduleUrl: string): boolean => /\.[cm]?ts$/.test(new URL(moduleUrl).pathname);

/** The demo's inputs, relative to the root; each must exist before a session starts. */
export const demoInputs = {
  plan: "fixtures/plans/demo-track.md",
  scenario: "fixtures/demo/scenario.json",
  agent: "fixtures/demo/scripted-agent.mjs",
  action: "dist/index.js",
  workflow: ".github/workflows/swarm-agent.yml",
} as const;

/** The first demo input missing under `root`, as a sentence saying what to do; null when all are there. */
export function missingDemoFile(root: string): string | null {
  for (const [what, path] of Object.entries(demoInputs)) {
    if (!existsSync(join(root, path))) {
      const hint =
        what === "action" ? " (run `npm run build`)" : " (is this a full checkout of swarm-dispatch?)";
      return `${join(root, path)} is missing${hint}`;
    }
  }
  return null;
}
