// Runners run the Action from the committed dist/index.js, never from src/. The bundle is deterministic, so a
// fresh one, made by the same script with the same options, must equal the committed file byte for byte.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const entry = "src/action/main.ts";
// Skipped only while the Action's entry point is being written: there is nothing to bundle yet.
const missing = !existsSync(entry);

describe("dist/index.js", () => {
  it.skipIf(missing)(
    missing ? `is fresh (skipped: ${entry} does not exist yet)` : "is what npm run build makes of src/",
    () => {
      const folder = mkdtempSync(join(tmpdir(), "dist-fresh-"));
      try {
        const outfile = join(folder, "index.js");
        try {
          execFileSync(process.execPath, ["scripts/build-action.mjs", "--outfile", outfile], {
            stdio: "pipe",
          });
        } catch (error) {
          const stderr = String((error as { stderr?: Buffer }).stderr ?? "").trim();
          expect.fail(`scripts/build-action.mjs failed:\n${stderr}`);
        }
        const fresh = readFileSync(outfile);
        const committed = existsSync("dist/index.js") ? readFileSync("dist/index.js") : Buffer.alloc(0);
        if (!fresh.equals(committed)) expect.fail("dist/ is stale: run npm run build and commit dist/");
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
