#!/usr/bin/env node
// Thin launcher: the CLI is compiled to build/ by `npm run build` (run by `npm ci` through `prepare`).
import { main } from "../build/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => import("node:fs/promises").then((fs) => fs.readFile(path, "utf8")),
  writeFile: (path, text) => import("node:fs/promises").then((fs) => fs.writeFile(path, text, "utf8")),
  // The demo redraws its task lines in place in a terminal, and prints plain lines otherwise.
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns,
});
