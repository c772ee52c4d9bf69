// A paragraph's inline nodes, split into source lines (a checklist item's title line, then one field or
// description per line), and rendered back to text. Rendering walks with an explicit stack: hostile input
// may nest emphasis thousands deep.

import type { PhrasingContent } from "mdast";

export interface InlineLine {
  nodes: PhrasingContent[];
  /** 1-based source line. */
  line: number;
}

/** Splits at soft line breaks (`\n` in text) and hard breaks; each piece keeps the line it was written on. */
export function splitLines(nodes: readonly PhrasingContent[], firstLine: number): InlineLine[] {
  let current: InlineLine = { nodes: [], line: firstLine };
  const lines = [current];
  const next = (line: number) => {
    current = { nodes: [], line };
    lines.push(current);
  };
  for (const node of nodes) {
    if (node.type === "break") next(current.line + 1);
    else if (node.type === "text" && node.value.includes("\n")) {
      node.value.split("\n").forEach((part, index) => {
        if (index > 0) next(current.line + 1);
        if (part !== "") current.nodes.push({ type: "text", value: part });
      });
    } else current.nodes.push(node);
  }
  return lines.filter((line) => renderInline(line.nodes, "keep").trim() !== "");
}

/**
 * Inline nodes as text. `keep` writes them back as markdown (code spans, bold, emphasis and links keep their
 * markers), for titles and descriptions that are shown as markdown again; `unwrap` drops code-span backticks,
 * for values such as paths, where `src/**` inside an emphasised field must survive as written.
 */
export function renderInline(nodes: readonly PhrasingContent[], code: "keep" | "unwrap"): string {
  let out = "";
  const stack: (PhrasingContent | string)[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent | string;
    if (typeof node === "string") {
      out += node;
      continue;
    }
    switch (node.type) {
      case "text":
        out += node.value;
        break;
      case "inlineCode":
        out += code === "keep" ? `\`${node.value}\`` : node.value;
        break;
      case "break":
        out += " ";
        break;
      case "strong":
      case "emphasis":
      case "delete":
      case "link": {
        const [open, close] = markers(node, code);
        out += open;
        stack.push(close);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as PhrasingContent);
        break;
      }
      default:
        if ("value" in node && typeof node.value === "string") out += node.value;
    }
  }
  return out;
}

/** A link's text is the value when unwrapping (`[src/a.ts](…)` touches `src/a.ts`). */
function markers(node: PhrasingContent, code: "keep" | "unwrap"): [string, string] {
  switch (node.type) {
    case "strong":
      return ["**", "**"];
    case "emphasis":
      return ["*", "*"];
    case "delete":
      return ["~~", "~~"];
    case "link":
      return code === "keep" ? ["[", `](${node.url})`] : ["", ""];
    default:
      return ["", ""];
  }
}
