// No workflow and no action puts a `${{ … }}` expression into a `run:` script (DESIGN.md, Security): values
// reach scripts through `env:` only.

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, not JS templates.

import { describe, expect, it } from "vitest";
import { findRunExpressions } from "./find-run-expressions.js";
import { actionFile, readText, workflowFiles } from "./workflow-files.js";

describe("run: scripts", () => {
  it.each([...workflowFiles, actionFile])("hold no expression in %s", (file) => {
    expect(findRunExpressions(file, readText(file))).toEqual([]);
  });

  it("flag an expression of a user-controlled value, with where it is", () => {
    const hostile = [
      "on: issues",
      "jobs:",
      "  greet:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: echo hello",
      '      - run: echo "${{ github.event.issue.title }}"',
    ].join("\n");
    expect(findRunExpressions("hostile.yml", hostile)).toEqual([
      {
        at: "hostile.yml:7:20",
        path: "jobs.greet.steps[1].run",
        expression: "${{ github.event.issue.title }}",
      },
    ]);
  });

  it("flag every expression, in block scripts, composite actions, aliases and escapes alike", () => {
    const composite = [
      "runs:",
      "  using: composite",
      "  steps:",
      "    - shell: bash",
      "      run: |",
      "        set -e",
      "        git switch ${{ inputs.branch }} && echo ${{ runner.temp }}",
      "    - shell: bash",
      '      run: "echo \\x24{{ github.head_ref }}"',
      "    - shell: bash",
      "      run: &script echo ${{ inputs.task }}",
      "    - shell: bash",
      "      run: *script",
    ].join("\n");
    const found = findRunExpressions("action.yml", composite);
    expect(found.map((item) => [item.path, item.expression])).toEqual([
      ["runs.steps[0].run", "${{ inputs.branch }}"],
      ["runs.steps[0].run", "${{ runner.temp }}"],
      ["runs.steps[1].run", "${{ github.head_ref }}"],
      ["runs.steps[2].run", "${{ inputs.task }}"],
      ["runs.steps[3].run", "${{ inputs.task }}"],
    ]);
    expect(found[0]?.at).toBe("action.yml:7:20");
  });

  it("leave expressions outside scripts alone: env, with, if, run-name", () => {
    const safe = [
      'run-name: "swarm ${{ inputs.task }}"',
      "on: workflow_dispatch",
      "jobs:",
      "  agent:",
      "    if: ${{ inputs.task != '' }}",
      "    runs-on: ubuntu-latest",
      "    defaults: { run: { shell: bash } }",
      "    steps:",
      "      - uses: actions/checkout@v5",
      "        with: { ref: '${{ github.sha }}' }",
      "      - env: { TASK: '${{ inputs.task }}' }",
      '        run: echo "$TASK"',
    ].join("\n");
    expect(findRunExpressions("safe.yml", safe)).toEqual([]);
  });
});
