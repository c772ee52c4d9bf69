// Bundles the GitHub Action, src/action/main.ts, into dist/index.js: the one file action.yml runs (`runs.main`).
// Runners execute an Action from its repository as committed, without `npm install`, so everything it imports is
// inside the bundle, and dist/ is committed. CI rebuilds it and fails when the committed file differs, so the
// output must be deterministic: no timestamps, no absolute paths (esbuild names sources relative to
// absWorkingDir, which is the repository root whatever the caller's working folder), no source maps.
//
//   node scripts/build-action.mjs                      → dist/index.js
//   node scripts/build-action.mjs --outfile <path>     → <path> (test/workflows/dist-fresh.test.ts compares)

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = "src/action/main.ts";

// @actions/core 3 and @actions/github 9 are ESM-only, so the bundle is ESM; some of what they pull in is CommonJS
// and calls require(), which an ES module does not have: the banner gives it one (see TOOLCHAIN.md).
const banner = "import{createRequire}from'module';const require=createRequire(import.meta.url);";

/** The esbuild options of the Action's bundle, written to `outfile`. */
function actionBuildOptions(outfile) {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    // Runners run it on node24; this repository's machines and CI also run it on Node 20.
    target: "node20",
    banner: { js: banner },
    sourcemap: false,
    // Readable, so a review of dist/ in a pull request shows what changed.
    minify: false,
    // Licences of bundled packages are kept, together at the end of the file.
    legalComments: "eof",
    logLevel: "warning",
  };
}

function outfileFromArgs(args) {
  const at = args.indexOf("--outfile");
  if (at === -1) return join(root, "dist", "index.js");
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error("--outfile needs a path");
  return resolve(value);
}

async function main() {
  if (!existsSync(join(root, entry))) {
    console.error(
      `build-action: ${entry} does not exist, so there is no Action to bundle into dist/index.js.\n` +
        "The Action's entry point is written in src/action/; run npm run build again once it is there.",
    );
    process.exitCode = 1;
    return;
  }
  const outfile = outfileFromArgs(process.argv.slice(2));
  const result = await build(actionBuildOptions(outfile));
  if (result.errors.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  // esbuild has already printed its messages with file:line; this says which step failed.
  console.error(`build-action: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
