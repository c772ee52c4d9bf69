// The lines of a Standard Task Graph file (Tobita & Kasahara 2002): a header with the number of real tasks N,
// then one line per node, `id time n_preds pred…`, and a trailer of `#` comments. Only well-formed nodes and
// predecessors are kept, each problem is reported at its line, and reading stops after a few errors, so binary
// junk or a huge broken file ends with a handful of messages instead of one per line.

import type { Diagnostics } from "../diagnostics.js";
import { scanValues, type ValueScan } from "./scan-values.js";

export interface StgNode {
  id: number;
  /** 1-based line of the node in the file. */
  line: number;
  time: number;
  /** Predecessor ids, each a node defined earlier in the file, without repeats. */
  preds: number[];
}

export interface StgGraph {
  /** N as the header states it. */
  declared: number;
  headerLine: number;
  /** Lines after the header that are neither blank nor comments, well-formed or not. */
  nodeLines: number;
  nodes: StgNode[];
}

/** Errors after which the rest of the file is not read: a file this broken is not an STG graph. */
const maxErrors = 20;
const formatHint = "an STG file is a line with the task count N, then N + 2 lines `id time n_preds pred…`";

export function readStg(input: string, diag: Diagnostics): StgGraph | null {
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  let errors = 0;
  const fail = (line: number, message: string, hint?: string): void => {
    errors += 1;
    diag.error(line, message, hint);
  };

  let graph: StgGraph | null = null;
  /** Line of each node read so far, and the last task that listed it (to see a predecessor listed twice). */
  const seen = new Map<number, { line: number; listedBy: number }>();
  const scan: ValueScan = { values: [], starts: [], ends: [] };
  const quote = (index: number) => clip(text.slice(scan.starts[index], scan.ends[index]));
  let expected = 0;
  let line = 0;
  let start = 0;
  for (; start <= text.length && errors < maxErrors; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const count = scanValues(text, start, end, scan);
    const lineStart = start;
    start = end + 1;
    if (count === 0 || text.charCodeAt(scan.starts[0] as number) === 35 /* # */) continue;
    const [first = Number.NaN, time = Number.NaN, predCount = Number.NaN] = scan.values;
    if (!graph) {
      if (count !== 1 || Number.isNaN(first)) {
        const got = clip(text.slice(lineStart, end).trim());
        fail(
          line + 1,
          `the first line must be the number of tasks, one whole number (got "${got}")`,
          formatHint,
        );
        return null;
      }
      graph = { declared: first, headerLine: line + 1, nodeLines: 0, nodes: [] };
      continue;
    }
    const at = line + 1;
    graph.nodeLines += 1;
    if (count < 3) {
      fail(
        at,
        `a task line needs at least "id time n_preds" (got "${clip(text.slice(lineStart, end).trim())}")`,
        formatHint,
      );
      continue;
    }
    if (Number.isNaN(first)) {
      fail(at, `task id "${quote(0)}" is not a non-negative whole number`);
      continue;
    }
    const id = first;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      fail(at, `task ${id} is listed twice (first at line ${earlier.line})`, "give each task its own id");
      continue;
    }
    seen.set(id, { line: at, listedBy: -1 });
    if (id !== expected) fail(at, `task ids must count up from 0 in order: expected ${expected}, got ${id}`);
    expected = id + 1;

    let ok = true;
    if (Number.isNaN(time)) {
      fail(at, `task ${id}: processing time "${quote(1)}" is not a non-negative whole number`);
      ok = false;
    }
    if (Number.isNaN(predCount)) {
      fail(at, `task ${id}: predecessor count "${quote(2)}" is not a non-negative whole number`);
      ok = false;
    } else if (predCount !== count - 3) {
      fail(at, `task ${id} says it has ${predCount} predecessors but lists ${count - 3}`);
      ok = false;
    }
    const preds: number[] = [];
    let repeated: number | null = null;
    for (let index = 3; index < count && ok; index++) {
      const pred = scan.values[index] as number;
      const node = seen.get(pred);
      if (node && pred < id) {
        if (node.listedBy === id) repeated ??= pred;
        else {
          node.listedBy = id;
          preds.push(pred);
        }
        continue;
      }
      // The first bad predecessor is enough: a hostile line may hold a million of them.
      ok = false;
      if (Number.isNaN(pred)) fail(at, `task ${id}: predecessor "${quote(index)}" is not a task id`);
      else if (pred >= id)
        fail(
          at,
          `task ${id}: predecessor ${pred} is not an earlier task (STG predecessors have smaller ids)`,
        );
      else fail(at, `task ${id}: predecessor ${pred} is not defined`);
    }
    if (repeated !== null) diag.warning(at, `task ${id} lists predecessor ${repeated} more than once`);
    if (ok) graph.nodes.push({ id, line: at, time, preds });
  }
  if (start <= text.length) {
    diag.error(line, `stopped reading the STG file after ${maxErrors} errors`);
    return null;
  }
  if (!graph && errors === 0) diag.error(0, "the STG file is empty", formatHint);
  return graph;
}

/** Hostile lines can be megabytes long: quote only their start. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
