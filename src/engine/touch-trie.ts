// An index of touches by their literal path segments, so "which touches overlap this one?" costs a walk down one
// path plus the entries actually found, instead of a comparison with every other touch in the plan. Files sit at
// their own node, folders at theirs, globs at their literal base; the rules are those of `parsedTouchesOverlap`.

import { fileMatchesGlob, type Touch } from "./touches.js";

// Maps are created on first use: a plan of 10,000 distinct files makes tens of thousands of nodes, most of
// them holding one kind of entry or none.
interface TrieNode {
  children: Map<string, TrieNode> | null;
  files: Map<number, Touch> | null;
  folders: Map<number, Touch> | null;
  /** An owner may hold several globs with the same base (`src/*.ts` and `src/*.md`). */
  globs: Map<number, Touch[]> | null;
}

/** Callbacks of a search: `consider` filters owners before any costly glob test; `found` returns true to stop. */
export interface OverlapVisitor {
  consider(owner: number): boolean;
  found(owner: number): boolean;
}

function newNode(): TrieNode {
  return { children: null, files: null, folders: null, globs: null };
}

export class TouchTrie {
  private readonly root = newNode();

  /** Adds `owner`'s touch (files and folders are one per owner and node, since the node is their path). */
  insert(owner: number, touch: Touch): void {
    let node = this.root;
    for (const segment of touch.segments) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    if (touch.kind === "glob") {
      node.globs ??= new Map();
      const globs = node.globs.get(owner);
      if (globs) globs.push(touch);
      else node.globs.set(owner, [touch]);
      return;
    }
    const kind = touch.kind === "file" ? "files" : "folders";
    node[kind] ??= new Map();
    node[kind].set(owner, touch);
  }

  /** Removes `owner`'s touch, and nodes left empty: a lock table that forgot them would walk them forever. */
  remove(owner: number, touch: Touch): void {
    const path: TrieNode[] = [this.root];
    for (const segment of touch.segments) {
      const child = path[path.length - 1]?.children?.get(segment);
      if (!child) return;
      path.push(child);
    }
    const node = path[path.length - 1] as TrieNode;
    if (touch.kind === "glob") {
      const rest = node.globs?.get(owner)?.filter((glob) => glob.key !== touch.key) ?? [];
      if (rest.length > 0) node.globs?.set(owner, rest);
      else node.globs?.delete(owner);
    } else {
      (touch.kind === "file" ? node.files : node.folders)?.delete(owner);
    }
    for (let d = touch.segments.length; d > 0 && isEmpty(path[d] as TrieNode); d--) {
      (path[d - 1] as TrieNode).children?.delete(touch.segments[d - 1] as string);
    }
  }

  /** Reports every owner with a touch overlapping `touch` (an owner may be reported once per touch it holds). */
  visitOverlaps(touch: Touch, visitor: OverlapVisitor): boolean {
    const depth = touch.segments.length;
    const asFile = touch.kind === "file" ? touch : null;
    let node: TrieNode | undefined = this.root;
    for (let d = 0; node; d++) {
      // A folder at or above this touch's path contains it; a glob there may match it.
      if (visitFiles(node.folders, visitor, null)) return true;
      if (visitGlobs(node.globs, visitor, asFile)) return true;
      if (d === depth) break;
      node = node.children?.get(touch.segments[d] as string);
    }
    if (!node) return false;
    const asGlob = touch.kind === "glob" ? touch : null;
    if (visitFiles(node.files, visitor, asGlob)) return true;
    return touch.kind === "file" ? false : visitBelow(node, visitor, asGlob);
  }
}

// The visit helpers check for an empty node first: most nodes hold no entries of a kind, and iterating even an
// empty Map allocates. Each returns true when the visitor asked to stop.

/** Offers file or folder entries; with a glob query, a file counts only if the glob may match it. */
function visitFiles(
  entries: Map<number, Touch> | null,
  visitor: OverlapVisitor,
  glob: Touch | null,
): boolean {
  if (entries === null || entries.size === 0) return false;
  for (const [owner, entry] of entries) {
    if (!visitor.consider(owner)) continue;
    if (glob !== null && !fileMatchesGlob(entry, glob)) continue;
    if (visitor.found(owner)) return true;
  }
  return false;
}

/** Offers glob entries; with a file query, an owner counts only if one of its globs may match the file. */
function visitGlobs(
  entries: Map<number, Touch[]> | null,
  visitor: OverlapVisitor,
  file: Touch | null,
): boolean {
  if (entries === null || entries.size === 0) return false;
  for (const [owner, globs] of entries) {
    if (!visitor.consider(owner)) continue;
    if (file !== null && !globs.some((glob) => fileMatchesGlob(file, glob))) continue;
    if (visitor.found(owner)) return true;
  }
  return false;
}

function isEmpty(node: TrieNode): boolean {
  return !node.children?.size && !node.files?.size && !node.folders?.size && !node.globs?.size;
}

/** Everything strictly below a folder or a glob's base may overlap it; only files under a glob need a test. */
function visitBelow(start: TrieNode, visitor: OverlapVisitor, glob: Touch | null): boolean {
  // Iterative: a hostile touch may be thousands of segments deep.
  const stack: TrieNode[] = [];
  if (start.children) for (const child of start.children.values()) stack.push(child);
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (visitFiles(node.folders, visitor, null)) return true;
    if (visitGlobs(node.globs, visitor, null)) return true;
    if (visitFiles(node.files, visitor, glob)) return true;
    if (node.children) for (const child of node.children.values()) stack.push(child);
  }
  return false;
}
