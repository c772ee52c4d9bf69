// action.yml runs the bundle on the runners' Node, and docs/action.md documents exactly its inputs and outputs.

import { describe, expect, it } from "vitest";
import { actionFile, readText, readYaml } from "./workflow-files.js";
import type { ActionManifest } from "./workflow-model.js";

const guide = readText("docs/action.md");

/** The rows of the first table under `## <heading>`, as trimmed cells (backticks and quotes kept). */
function tableUnder(heading: string): string[][] {
  const section = guide.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const name = (cell: string | undefined) => /^`([^`]+)`$/.exec(cell ?? "")?.[1] ?? `not a name: ${cell}`;

describe("action.yml", () => {
  it("runs dist/index.js on node24", () => {
    const action = readYaml<ActionManifest>(actionFile);
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("has exactly the inputs of docs/action.md's table, with their required flags and defaults", () => {
    const action = readYaml<ActionManifest>(actionFile);
    const documented = tableUnder("Inputs").map(([input, required, fallback]) => ({
      name: name(input),
      required: required === "yes",
      // `""` in the table is an empty default; no cell is no default.
      default:
        fallback === "" ? undefined : (/^`"(.*)"`$/.exec(fallback ?? "")?.[1] ?? `unreadable: ${fallback}`),
    }));
    const declared = Object.entries(action.inputs).map(([input, spec]) => ({
      name: input,
      required: spec.required === true,
      default: spec.default,
    }));
    expect(documented).toEqual(declared);
  });

  it("has exactly the outputs of docs/action.md's table", () => {
    const action = readYaml<ActionManifest>(actionFile);
    expect(tableUnder("Outputs").map(([output]) => name(output))).toEqual(Object.keys(action.outputs));
  });
});
