// Finds `${{ … }}` expressions inside `run:` scripts. GitHub substitutes an expression into the script's text
// before the shell reads it, so a value such as an issue title or a task id becomes shell code: every value a
// script needs must come in through `env:` and be quoted ("$TASK"). No context is allowed, not even `github.*`
// (github.event.issue.title, github.head_ref … are whatever someone typed): the workflows here need none, and a
// list of safe exceptions would be one more thing to get wrong.
//
// Every mapping key `run` with a text value counts, wherever it is: step scripts of jobs and of composite
// actions alike (a `defaults.run` is a mapping, not a script). Aliases are followed, and the parsed value is
// checked, so an expression spelt with YAML escapes ("\x24{{ … }}") is found too.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

export interface RunExpression {
  /** `file:line:column` of the expression (of the script when it is spelt with escapes). */
  at: string;
  /** Where in the document: `jobs.agent.steps[2].run`. */
  path: string;
  expression: string;
}

export function findRunExpressions(file: string, text: string): RunExpression[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const [error] = doc.errors;
  if (error) throw new Error(`${file}: ${error.message}`);
  const found: RunExpression[] = [];
  const seen = new Set<unknown>();

  const visit = (raw: unknown, path: string): void => {
    const node = isAlias(raw) ? raw.resolve(doc) : raw;
    if (node === undefined || seen.has(node)) return;
    seen.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
        if (key === "run" && isScalar(value) && typeof value.value === "string")
          found.push(...inScript(value.value, value.range, `${path}.run`));
        else visit(pair.value, path === "" ? key : `${path}.${key}`);
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) visit(item, `${path}[${index}]`);
    }
  };

  const inScript = (script: string, range: readonly number[] | null | undefined, path: string) => {
    const start = range?.[0] ?? 0;
    const source = text.slice(start, range?.[1] ?? start);
    let from = 0;
    return (script.match(/\$\{\{[\s\S]*?(\}\}|$)/g) ?? []).map((expression) => {
      const offset = source.indexOf("${{", from);
      from = offset === -1 ? source.length : offset + 3;
      const pos = lineCounter.linePos(offset === -1 ? start : start + offset);
      return { at: `${file}:${pos.line}:${pos.col}`, path, expression };
    });
  };

  visit(doc.contents, "");
  return found;
}
