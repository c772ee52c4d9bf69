import { describe, expect, it } from "vitest";
import { readFileTree } from "../../src/report/read-file-tree.js";

describe("readFileTree", () => {
  it("reads one path per line", () => {
    expect(readFileTree("src/a.ts\nsrc/b/\nMakefile\n")).toEqual(["src/a.ts", "src/b/", "Makefile"]);
  });

  it("reads the leaves of a drawn tree, notes and dots ignored", () => {
    const tree = [
      "backend/",
      "├── core/",
      "│   └── cache.py ................. NEW (180 lines)",
      "├── app.py ....................... MODIFIED (+15 lines, Redis init)",
      "└── tests/",
      "    └── test_cache.py ............ NEW (120 lines, 12 tests)",
    ].join("\n");
    expect(readFileTree(tree)).toEqual([
      "backend/core/cache.py",
      "backend/app.py",
      "backend/tests/test_cache.py",
    ]);
  });

  it("reads ASCII trees and names in backticks", () => {
    expect(readFileTree("docs/\n|-- `guide.md`\n`-- api/\n    `-- index.md\n")).toEqual([
      "docs/guide.md",
      "docs/api/index.md",
    ]);
  });

  it("ends a tree at a label or a blank line, so the next tree does not hang under the last one", () => {
    const text = "backend/\n└── api.py (main)\n\nPerformance data:\n├── logs/app.log\n";
    expect(readFileTree(text)).toEqual(["backend/api.py", "logs/app.log"]);
  });

  it("keeps an absolute name absolute under a folder, so the touch check refuses it", () => {
    expect(readFileTree("backend/\n└── /etc/passwd\n")).toEqual(["/etc/passwd"]);
  });

  it("reads no prose as a path", () => {
    expect(readFileTree("[List ALL files you ACTUALLY touched]\nNothing changed here\n")).toEqual([]);
  });
});
