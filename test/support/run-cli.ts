// Runs the real `swarm-dispatch` command with in-memory files and captured output, so CLI tests patch no
// globals. Reading a file the test did not give fails like a missing file; writing under `missing/` fails like a
// missing folder.

import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Files the command wrote, by path. */
  written: Record<string, string>;
}

export async function runCli(argv: string[], files: Record<string, string> = {}): Promise<CliRun> {
  const written: Record<string, string> = {};
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      return text;
    },
    writeFile: async (path, text) => {
      if (path.startsWith("missing/")) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
      written[path] = text;
    },
  });
  return { code, stdout, stderr, written };
}
