// Aliases let a small YAML text stand for a huge value (the "billion laughs" attack: nine aliases of nine aliases
// of …). One linear pass records which node each alias names and how many nodes the document holds once every
// alias is expanded, so the extractor can refuse a bomb before reading it. The `yaml` package's own guard
// (`toJS({ maxAliasCount })`) re-scans the document for every alias, which is itself quadratic in the number of
// anchors, so it is not used.

import { type Alias, isAlias, isCollection, isPair, isScalar, type Node } from "yaml";

export interface AliasMeasure {
  /** The node each alias stands for (the last anchor of that name before it). */
  targets: Map<Alias, Node>;
  /** Nodes in the document as written (an alias counts as one). */
  writtenSize: number;
  /** Nodes in the document with every alias expanded; Infinity when an alias contains itself. */
  expandedSize: number;
  /** The alias that stands for the most nodes, where an alias bomb is best reported. */
  largest: Alias | null;
  /** The first alias that names a node it sits inside (a value that would be infinite), if any. */
  selfReference: Alias | null;
}

export function measureAliases(root: unknown): AliasMeasure {
  const targets = new Map<Alias, Node>();
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let selfReference: Alias | null = null;
  let writtenSize = 0;
  let largest: Alias | null = null;
  let largestSize = 0;

  const measure = (value: unknown): number => {
    if (isAlias(value) || isScalar(value) || isCollection(value)) writtenSize += 1;
    if (isAlias(value)) {
      const target = anchors.get(value.source);
      if (!target) return 1;
      targets.set(value, target);
      if (open.has(target)) {
        selfReference ??= value;
        return Number.POSITIVE_INFINITY;
      }
      const size = sizes.get(target) ?? 1;
      if (size > largestSize) {
        largest = value;
        largestSize = size;
      }
      return size;
    }
    if (isPair(value)) return measure(value.key) + measure(value.value);
    if (isScalar(value)) {
      if (value.anchor) {
        anchors.set(value.anchor, value);
        sizes.set(value, 1);
      }
      return 1;
    }
    if (!isCollection(value)) return 0;
    // An anchor is visible from the moment it is written, so register it before reading the node's children.
    if (value.anchor) anchors.set(value.anchor, value);
    open.add(value);
    let size = 1;
    for (const item of value.items) size += measure(item);
    open.delete(value);
    if (value.anchor) sizes.set(value, size);
    return size;
  };

  const expandedSize = measure(root);
  return { targets, writtenSize, expandedSize, largest, selfReference };
}
