// STG task graphs as plans, so `simulate` and the schedule benchmark run the published graph sets through the
// same pipeline as every plan. Each real node becomes a read-only task (no touches, so no locks) whose effort
// hours are its processing time. The dummy entry (0) and exit (the last node) take no time, so dropping them
// changes nothing: the entry has no predecessors and the exit no successors.

import type { Diagnostics } from "../diagnostics.js";
import type { DraftPlan, DraftTask } from "../draft.js";
import { emptyDraft, fitsSizeLimit } from "../plan-size.js";
import { readStg, type StgGraph, type StgNode } from "./read-stg.js";

export function extractStg(text: string, diag: Diagnostics): DraftPlan {
  const draft = emptyDraft("stg");
  if (!fitsSizeLimit(text, diag)) return draft;
  const graph = readStg(text, diag);
  if (!graph) return draft;
  checkCount(graph, diag);

  const dropped = new Set<number>();
  // A first node other than 0 has been reported already; it is then real work, not the entry.
  const entry = graph.nodes[0]?.id === 0 ? graph.nodes[0] : undefined;
  const exit = graph.nodes.length > 1 ? graph.nodes[graph.nodes.length - 1] : undefined;
  if (entry && isDummy(entry, "entry", 0, diag)) dropped.add(entry.id);
  if (exit && isDummy(exit, "exit", graph.declared + 1, diag)) dropped.add(exit.id);
  for (const node of graph.nodes) {
    if (!dropped.has(node.id)) draft.tasks.push(toTask(node, dropped));
  }
  return draft;
}

/** A benchmark must run on a copy whose header is wrong (apps/robot.stg says 90 for 88 tasks): warn, read on. */
function checkCount(graph: StgGraph, diag: Diagnostics): void {
  const listed = graph.nodeLines - 2;
  if (listed === graph.declared) return;
  diag.warning(
    graph.headerLine,
    `the header says ${graph.declared} tasks, but the file lists ${Math.max(listed, 0)} between its entry and exit nodes; reading the tasks listed`,
    `an STG header counts the real tasks; write ${Math.max(listed, 0)}`,
  );
}

/**
 * The entry or exit node is dropped when it takes no time, as STG's dummies do. One that takes time is real work
 * (a truncated file's last line, say), so it stays a task and the warning says so.
 */
function isDummy(node: StgNode, role: "entry" | "exit", usualId: number, diag: Diagnostics): boolean {
  if (node.time === 0) return true;
  const which =
    node.id === usualId ? `the ${role} node (task ${node.id})` : `task ${node.id}, the last node,`;
  diag.warning(
    node.line,
    `${which} takes time ${node.time}; STG's dummy ${role} node takes 0, so it is kept as a task`,
  );
  return false;
}

function toTask(node: StgNode, dropped: ReadonlySet<number>): DraftTask {
  const { line } = node;
  const deps = node.preds.filter((pred) => !dropped.has(pred)).map(String);
  return {
    id: String(node.id),
    line,
    title: "",
    fields: {
      effort: { value: String(node.time), line },
      concurrency: { value: "read-only", line },
      ...(deps.length > 0 ? { deps: { value: deps, line } } : {}),
    },
    subtasks: [],
  };
}
