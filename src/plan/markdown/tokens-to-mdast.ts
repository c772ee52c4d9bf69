// markdown-it's flat token stream → an mdast tree (the node types and fields of mdast-util-from-markdown with GFM
// tables and task-list items), so extractors walk the standard tree while parsing stays linear (see
// parse-markdown.ts for why markdown-it does the tokenising). Positions carry exact 1-based lines; columns are
// 1 and offsets are the start of the line, since markdown-it records line ranges only.

import type Token from "markdown-it/lib/token.mjs";
import type {
  AlignType,
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  Table,
  TableCell,
  TableRow,
} from "mdast";

type Position = NonNullable<Nodes["position"]>;
type Point = Position["start"];

export function tokensToMdast(tokens: readonly Token[], text: string): Root {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  // One shared, never-mutated point and single-line position per line: a 10,000-task plan has a few hundred
  // thousand nodes, and fresh objects for each made garbage collection most of the parse time.
  const points: Point[] = [];
  const lines: Position[] = [];
  const point = (line0: number): Point => {
    const at = Math.min(line0, lineStarts.length - 1);
    let cached = points[at];
    if (!cached) {
      cached = Object.freeze({ line: at + 1, column: 1, offset: lineStarts[at] ?? 0 });
      points[at] = cached;
    }
    return cached;
  };
  const onLine = (line0: number): Position => {
    let cached = lines[line0];
    if (!cached) {
      cached = Object.freeze({ start: point(line0), end: point(line0) });
      lines[line0] = cached;
    }
    return cached;
  };
  const position = (map: [number, number] | null, fallback: number): Position => {
    const [start, end] = map ?? [fallback, fallback + 1];
    return end - start <= 1 ? onLine(start) : { start: point(start), end: point(end - 1) };
  };

  const root: Root = {
    type: "root",
    children: [],
    position: { start: point(0), end: point(lineStarts.length - 1) },
  };
  const stack: Parent[] = [root];
  const top = (): Parent => stack[stack.length - 1] as Parent;
  let line = 0;
  const open = (node: Nodes & Parent) => {
    (top().children as Nodes[]).push(node);
    stack.push(node);
  };

  for (const token of tokens) {
    if (token.map) line = token.map[0];
    const map = token.map as [number, number] | null;
    switch (token.type) {
      case "heading_open":
        open({
          type: "heading",
          depth: Number(token.tag.slice(1)) as Heading["depth"],
          children: [],
          position: position(map, line),
        });
        break;
      case "paragraph_open":
        open({ type: "paragraph", children: [], position: position(map, line) } satisfies Paragraph);
        break;
      case "blockquote_open":
        open({ type: "blockquote", children: [], position: position(map, line) } satisfies Blockquote);
        break;
      case "bullet_list_open":
      case "ordered_list_open": {
        const ordered = token.type === "ordered_list_open";
        const start = ordered ? Number(token.attrGet("start") ?? 1) : null;
        open({
          type: "list",
          ordered,
          start,
          spread: false,
          children: [],
          position: position(map, line),
        } satisfies List);
        break;
      }
      case "list_item_open":
        open({
          type: "listItem",
          spread: false,
          checked: null,
          children: [],
          position: position(map, line),
        } satisfies ListItem);
        break;
      case "table_open":
        open({ type: "table", align: [], children: [], position: position(map, line) } satisfies Table);
        break;
      case "tr_open":
        open({ type: "tableRow", children: [], position: position(map, line) } satisfies TableRow);
        break;
      case "th_open":
      case "td_open":
        alignColumn(stack, token);
        open({ type: "tableCell", children: [], position: onLine(line) } satisfies TableCell);
        break;
      case "heading_close":
      case "paragraph_close":
      case "blockquote_close":
      case "bullet_list_close":
      case "ordered_list_close":
      case "table_close":
      case "tr_close":
      case "th_close":
      case "td_close":
        stack.pop();
        break;
      case "list_item_close":
        markTaskItem(stack.pop() as ListItem);
        break;
      case "inline":
        for (const node of phrasing(token.children ?? [], line, onLine))
          (top().children as PhrasingContent[]).push(node);
        break;
      case "fence":
      case "code_block":
        (top().children as Nodes[]).push({
          type: "code",
          lang: token.info.trim().split(/\s+/)[0] || null,
          meta: token.info.trim().split(/\s+/).slice(1).join(" ") || null,
          value: token.content.replace(/\n$/, ""),
          position: position(map, line),
        } satisfies Code);
        break;
      case "hr":
        (top().children as Nodes[]).push({ type: "thematicBreak", position: position(map, line) });
        break;
      case "html_block":
        (top().children as Nodes[]).push({
          type: "html",
          value: token.content.replace(/\n$/, ""),
          position: position(map, line),
        });
        break;
    }
  }
  return root;
}

/** The delimiter row's alignment, recorded on the table the first time each column is seen. */
function alignColumn(stack: Parent[], token: Token): void {
  const table = stack.findLast((node) => node.type === "table") as Table | undefined;
  const row = stack[stack.length - 1] as TableRow;
  if (!table || table.children[0] !== row) return;
  const style = token.attrGet("style") ?? "";
  const align = /text-align:(left|right|center)/.exec(style)?.[1] ?? null;
  (table.align as (AlignType | null)[]).push(align as AlignType | null);
}

/** GFM task-list items: a paragraph starting with `[ ]`, `[x]` or `[X]` and white space sets `checked`. */
function markTaskItem(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== "paragraph") return;
  const head = first.children[0];
  if (head?.type !== "text") return;
  const match = /^\[([ xX])\](?:[ \t]+|$)/.exec(head.value);
  if (!match) return;
  item.checked = match[1] !== " ";
  head.value = head.value.slice(match[0].length);
  if (head.value === "") first.children.shift();
}

/** Inline tokens → phrasing nodes; soft breaks become "\n" in text, as in mdast, and advance the line. */
function phrasing(
  tokens: readonly Token[],
  startLine: number,
  onLine: (line0: number) => Position,
): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  let line = startLine;
  const push = (node: PhrasingContent) => {
    const siblings = (stack[stack.length - 1] as { children: PhrasingContent[] }).children;
    const last = siblings[siblings.length - 1];
    if (node.type === "text" && last?.type === "text") {
      last.value += node.value;
      if (last.position && node.position && last.position.end !== node.position.end) {
        last.position = { start: last.position.start, end: node.position.end };
      }
      return;
    }
    siblings.push(node);
  };
  const here = (): Position => onLine(line);
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    push(node);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case "text":
        if (token.content === "") break;
        push({ type: "text", value: token.content, position: here() });
        break;
      case "softbreak":
        line++;
        push({ type: "text", value: "\n", position: here() });
        break;
      case "hardbreak":
        line++;
        push({ type: "break", position: here() });
        break;
      case "code_inline":
        push({ type: "inlineCode", value: token.content, position: here() });
        break;
      case "html_inline":
        push({ type: "html", value: token.content, position: here() });
        break;
      case "image":
        push({
          type: "image",
          url: token.attrGet("src") ?? "",
          alt: token.content,
          title: token.attrGet("title"),
          position: here(),
        });
        break;
      case "strong_open":
        open({ type: "strong", children: [], position: here() });
        break;
      case "em_open":
        open({ type: "emphasis", children: [], position: here() });
        break;
      case "s_open":
        open({ type: "delete", children: [], position: here() });
        break;
      case "link_open":
        open({
          type: "link",
          url: token.attrGet("href") ?? "",
          title: token.attrGet("title"),
          children: [],
          position: here(),
        });
        break;
      case "strong_close":
      case "em_close":
      case "s_close":
      case "link_close":
        if (stack.length > 1) stack.pop();
        break;
    }
  }
  return root.children;
}
