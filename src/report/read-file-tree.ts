// Paths from a code block under a touches heading: one path per line, or the directory tree agents draw
//   backend/
//   ├── core/
//   │   └── cache.py ........ NEW (180 lines)
//   └── app.py .............. MODIFIED
// which names backend/core/cache.py and backend/app.py. A line's indent (tree glyphs included) places it under
// the nearest folder above it with a smaller indent; only leaves are touches (a folder with entries under it is
// just the drawing). Anything after the name (dots, NEW, notes) is ignored. A line that is not an entry
// (`Performance data:`) or a blank line ends the tree, so the next tree does not hang under the last one.

const treePrefix = /^[\s│├└┣┗┃─━|`+-]*/u;

interface Entry {
  indent: number;
  path: string;
  folder: boolean;
  hasChildren: boolean;
}

export function readFileTree(text: string): string[] {
  const entries: Entry[] = [];
  let stack: Entry[] = [];
  for (const line of text.split("\n")) {
    const prefix = treePrefix.exec(line)?.[0] ?? "";
    const rest = line.slice(prefix.length).trim();
    const name = entryName(rest, prefix.trim() !== "");
    if (name === null) {
      stack = [];
      continue;
    }
    const indent = prefix.length;
    while (stack.length > 0 && (stack[stack.length - 1] as Entry).indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    const entry: Entry = {
      indent,
      // An absolute name stays absolute, so the touch check refuses it rather than seeing `backend//etc/passwd`.
      path: parent?.folder && !/^([/~]|[a-z]:)/i.test(name) ? parent.path + name : name,
      folder: name.endsWith("/"),
      hasChildren: false,
    };
    if (parent?.folder) parent.hasChildren = true;
    entries.push(entry);
    stack.push(entry);
  }
  return entries.filter((entry) => !entry.hasChildren).map((entry) => entry.path);
}

/** The name a tree line gives, or null when the line is not an entry (prose, a label, blank). */
function entryName(rest: string, drawn: boolean): string | null {
  if (rest === "") return null;
  const space = rest.search(/\s/);
  const name = (space < 0 ? rest : rest.slice(0, space)).replace(/^[`'"]+|[`'",;]+$/g, "");
  if (name === "" || name.endsWith(":")) return null;
  // A bare word followed by text is prose; a drawn line, a lone word or a name with `/` or `.` is an entry.
  if (!drawn && space >= 0 && !/[/.]/.test(name)) return null;
  return name;
}
