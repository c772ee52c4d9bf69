// Every workflow, the agent workflow template and action.yml parse with GitHub's own parser
// (@actions/workflow-parser, the one behind the Actions language service): its schema knows every key, value
// type and the contexts each expression may use, and reports problems with line and column.

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not JS templates.

import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkflowParser, type WorkflowParser } from "./load-workflow-parser.js";
import { actionFile, readText, workflowFiles } from "./workflow-files.js";

let parser: WorkflowParser;
beforeAll(async () => {
  parser = await loadWorkflowParser();
});

interface ParseError {
  rawMessage: string;
  range?: { start: { line: number; column: number } } | undefined;
}

function describeErrors(file: string, errors: readonly ParseError[]): string[] {
  return errors.map((error) => {
    const at = error.range ? `${error.range.start.line}:${error.range.start.column}` : "?";
    // The YAML library's messages repeat the position and quote the line below: the first line, without it.
    const message = (error.rawMessage.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:$/, "");
    return `${file}:${at}: ${message}`;
  });
}

/** The workflow's problems as `file:line:column: message`; conversion adds what the schema alone does not see. */
async function workflowErrors(file: string, content: string): Promise<string[]> {
  const result = parser.parseWorkflow({ name: file, content }, new parser.NoOperationTraceWriter());
  if (result.value !== undefined) await parser.convertWorkflowTemplate(result.context, result.value);
  return describeErrors(file, result.context.errors.getErrors());
}

function actionErrors(file: string, content: string): string[] {
  const result = parser.parseAction({ name: file, content }, new parser.NoOperationTraceWriter());
  if (result.value !== undefined) parser.convertActionTemplate(result.context, result.value);
  return describeErrors(file, result.context.errors.getErrors());
}

describe("GitHub's workflow parser", () => {
  it.each(workflowFiles)("accepts %s", async (file) => {
    expect(await workflowErrors(file, readText(file))).toEqual([]);
  });

  it(`accepts ${actionFile}`, () => {
    expect(actionErrors(actionFile, readText(actionFile))).toEqual([]);
  });

  it("catches a broken workflow, with line and column", async () => {
    const broken = [
      "name: broken",
      "on: workflow_dispatch",
      "jobs:",
      "  agent:",
      "    runs-on: ubuntu-latest",
      "    timeout-minutes: soon",
      "    if: ${{ secrets.TOKEN }}",
      "    stepz:",
      "      - run: echo hi",
    ].join("\n");
    const errors = await workflowErrors("broken.yml", broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.yml:6:\d+: Unexpected value 'soon'/),
        expect.stringMatching(/^broken\.yml:7:\d+: Unrecognized named-value: 'secrets'/),
        expect.stringMatching(/^broken\.yml:8:5: Unexpected value 'stepz'/),
      ]),
    );
  });

  it("catches a broken action manifest and text that is not YAML", () => {
    expect(
      actionErrors("action.yml", "name: x\ndescription: y\nruns:\n  using: node99\n  main: x.js\n"),
    ).toEqual([expect.stringMatching(/^action\.yml:4:\d+: Unexpected value 'node99'/)]);
    const notYaml = "name: x\ndescription: Runs it. Empty: nothing\nruns:\n  using: node24\n  main: x.js\n";
    expect(actionErrors("action.yml", notYaml)).toEqual([expect.stringMatching(/^action\.yml:2:\d+: /)]);
  });
});
