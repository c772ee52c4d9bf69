// @actions/workflow-parser (0.3.x) imports its JSON schemas without `with { type: "json" }`, which Node's ES module
// loader refuses ("needs an import attribute of type json", actions/languageservices#387), and Vitest hands
// node_modules to Node as they are. esbuild reads JSON itself: the package bundled into one module loads, with
// the same code and schemas. Bundled once per test file (a few hundred milliseconds), imported, then deleted.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Workflows from "@actions/workflow-parser";
import type * as Actions from "@actions/workflow-parser/actions/index";
import { build } from "esbuild";

export type WorkflowParser = Pick<
  typeof Workflows,
  "parseWorkflow" | "convertWorkflowTemplate" | "NoOperationTraceWriter"
> &
  Pick<typeof Actions, "parseAction" | "convertActionTemplate">;

const entry = [
  'export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";',
  'export { parseAction, convertActionTemplate } from "@actions/workflow-parser/actions/index";',
].join("\n");

export async function loadWorkflowParser(): Promise<WorkflowParser> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
    banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
  });
  const code = result.outputFiles[0]?.text ?? "";
  const folder = mkdtempSync(join(tmpdir(), "workflow-parser-"));
  try {
    const file = join(folder, "workflow-parser.mjs");
    writeFileSync(file, code);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as WorkflowParser;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
