// The swarm-iosm template's track limits, written as a fenced YAML block:
//   Resource Constraints:
//     max_parallel_background: 4
//     cost_limit_per_track: 5.00
// Values are taken as written in the source (`5.00`, not the number 5) with the line they sit on.

import type { Code } from "mdast";
import { isMap, isScalar, LineCounter, parseDocument, type Scalar } from "yaml";
import type { Diagnostics } from "../diagnostics.js";
import type { Sourced } from "../draft.js";
import { lineOf } from "./walk-tree.js";

export interface ResourceConstraints {
  budgetUsd?: Sourced<string>;
  maxParallel?: Sourced<string>;
}

export function isResourceConstraints(code: Code): boolean {
  return /^(ya?ml)?$/i.test(code.lang ?? "") && /^\s*Resource Constraints\s*:/i.test(code.value);
}

export function readResourceConstraints(code: Code, diag: Diagnostics): ResourceConstraints {
  // The fence's first content line is the line after the opening fence.
  const base = lineOf(code);
  const lineCounter = new LineCounter();
  let block: unknown;
  try {
    const doc = parseDocument(code.value, { lineCounter, uniqueKeys: false });
    const problem = doc.errors[0];
    if (problem) {
      const line = base + (problem.linePos?.[0].line ?? 1);
      diag.error(line, `the Resource Constraints block is not valid YAML: ${problem.message.split("\n")[0]}`);
      return {};
    }
    // The key as the template writes it, in any case.
    const top = isMap(doc.contents) ? doc.contents.items : [];
    block = top.find(
      (pair) => isScalar(pair.key) && String(pair.key.value).toLowerCase() === "resource constraints",
    )?.value;
  } catch (error) {
    // Stack exhaustion on absurd nesting is the one way the YAML parser throws; report it like any other error.
    diag.error(base, `the Resource Constraints block cannot be read: ${(error as Error).message}`);
    return {};
  }
  if (!isMap(block)) return {};
  const raw = (key: string): Sourced<string> | undefined => {
    const node = block.get(key, true);
    if (!isScalar(node)) return undefined;
    const value = asWritten(node);
    if (value === "") return undefined;
    return { value, line: base + (node.range ? lineCounter.linePos(node.range[0]).line : 1) };
  };
  const result: ResourceConstraints = {};
  const budget = raw("cost_limit_per_track");
  const parallel = raw("max_total_parallel") ?? raw("max_parallel_background");
  if (budget) result.budgetUsd = budget;
  if (parallel) result.maxParallel = parallel;
  return result;
}

function asWritten(node: Scalar): string {
  if (typeof node.value === "string") return node.value.trim();
  return (node.source ?? String(node.value ?? "")).trim();
}
