// The committed bundle runs on this Node (20; runners use 24) by itself, without node_modules: started with no
// inputs, it fails the step naming every missing input. (dist-fresh.test.ts checks it is the current source.)

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("dist/index.js", () => {
  it("starts and names the missing inputs", async () => {
    const result = await run(process.execPath, ["dist/index.js"], {
      env: { PATH: process.env.PATH ?? "" },
    }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error::Bad input: input track is required; input task is required");
  });
});
