// The index behind `conflictPairs`: which write-local units' touches overlap a given unit's. Most touches are
// files, and two files overlap only when they are the same file, so files are grouped by key. Folders and globs
// ("wide" touches, usually few) sit in a trie at their path (a glob at its literal base); each file is linked
// once to the trie nodes on its path that hold wide touches, which are exactly the wide touches that may cover
// it. The rules are `parsedTouchesOverlap`'s: a folder covers what lies at or below its path, a glob the files
// below its base that it may match, and two wide touches overlap when one's path is a prefix of the other's.

import { firstAfter } from "./first-after.js";
import { fileMatchesGlob, type Touch } from "./touches.js";

interface WideNode {
  children: Map<string, WideNode> | null;
  /** The wide touches at this path, with the rank of the unit holding each. */
  owners: number[];
  touches: Touch[];
  /** Lock ids of the files at or below this path (only once `owners` is not empty). */
  files: number[];
}

const newNode = (): WideNode => ({ children: null, owners: [], touches: [], files: [] });

export class ConflictIndex {
  private readonly idStart: Int32Array;
  private readonly ids: Int32Array;
  // Files by lock id, in flat lists rather than an object per file: the ranks of the units touching file f are
  // `owners[ownerStart[f]]` … `owners[ownerStart[f + 1] - 1]`, ascending.
  private readonly fileTouch: (Touch | undefined)[] = [];
  private readonly ownerStart: Int32Array;
  private readonly owners: Int32Array;
  /** For each file under wide touches, the trie nodes on its path holding them. */
  private readonly covers = new Map<number, WideNode[]>();
  private readonly root = newNode();
  // The search in progress: partners of `rank`, deduplicated with `seenBy[other] === rank`.
  private rank = -1;
  private seenBy: Int32Array = new Int32Array(0);
  private partners: number[] = [];

  /**
   * `touchesOf[rank]`: the parsed touches of the unit at that rank (empty for units taking no touch lock); their
   * lock ids (see `LockTable.lockOf`), in order, are `ids[idStart[rank]]` … `ids[idStart[rank + 1] - 1]`.
   */
  constructor(touchesOf: readonly (readonly Touch[])[], idStart: Int32Array, ids: Int32Array) {
    this.idStart = idStart;
    this.ids = ids;
    let idCount = 0;
    for (const id of ids) idCount = Math.max(idCount, id + 1);
    const counts = new Int32Array(idCount + 1);
    let hasWide = false;
    this.forEachTouch(touchesOf, (touch, id, rank) => {
      if (touch.kind === "file") {
        counts[id + 1] = (counts[id + 1] as number) + 1;
        // Grown one by one so the list stays dense (a write far past the end would make it a slow dictionary).
        while (this.fileTouch.length <= id) this.fileTouch.push(undefined);
        this.fileTouch[id] = touch;
        return;
      }
      const node = this.nodeAt(touch.segments);
      node.owners.push(rank);
      node.touches.push(touch);
      hasWide = true;
    });
    for (let id = 0; id < idCount; id++) counts[id + 1] = (counts[id + 1] as number) + (counts[id] as number);
    this.ownerStart = counts.slice();
    this.owners = new Int32Array(counts[idCount] as number);
    this.forEachTouch(touchesOf, (touch, id, rank) => {
      if (touch.kind !== "file") return;
      this.owners[counts[id] as number] = rank;
      counts[id] = (counts[id] as number) + 1;
    });
    if (hasWide) for (let id = 0; id < this.fileTouch.length; id++) if (this.fileTouch[id]) this.link(id);
  }

  /**
   * Appends to `partners` every unit ranked after `rank` with a touch overlapping one of `touches`, skipping
   * those with `seenBy[other] === rank` and marking those it adds.
   */
  collect(rank: number, touches: readonly Touch[], seenBy: Int32Array, partners: number[]): void {
    this.rank = rank;
    this.seenBy = seenBy;
    this.partners = partners;
    const first = this.idStart[rank] as number;
    for (let t = 0; t < touches.length; t++) {
      const touch = touches[t] as Touch;
      if (touch.kind === "file") this.collectForFile(this.ids[first + t] as number, touch);
      else this.collectForWide(touch);
    }
  }

  private forEachTouch(
    touchesOf: readonly (readonly Touch[])[],
    visit: (touch: Touch, id: number, rank: number) => void,
  ): void {
    for (let rank = 0; rank < touchesOf.length; rank++) {
      const touches = touchesOf[rank] as Touch[];
      const first = this.idStart[rank] as number;
      for (let t = 0; t < touches.length; t++)
        visit(touches[t] as Touch, this.ids[first + t] as number, rank);
    }
  }

  private collectForFile(file: number, touch: Touch): void {
    this.offerOwners(file);
    for (const node of this.covers.get(file) ?? noNodes) {
      for (let k = firstAfter(node.owners, this.rank); k < node.owners.length; k++) {
        const owner = node.owners[k] as number;
        const wide = node.touches[k] as Touch;
        if (this.considers(owner) && (wide.kind !== "glob" || fileMatchesGlob(touch, wide))) this.add(owner);
      }
    }
  }

  private collectForWide(wide: Touch): void {
    // Wide touches at or above its path, then everything at or below it.
    let node: WideNode | undefined = this.root;
    for (let d = 0; node && d < wide.segments.length; d++) {
      this.offerAll(node.owners);
      node = node.children?.get(wide.segments[d] as string);
    }
    if (!node) return;
    const glob = wide.kind === "glob" ? wide : null;
    for (const file of node.files) {
      // Skip the glob test when no owner could be added anyway.
      if (glob !== null && !this.anyOwnerConsidered(file)) continue;
      if (glob !== null && !fileMatchesGlob(this.fileTouch[file] as Touch, glob)) continue;
      this.offerOwners(file);
    }
    // Iterative: a hostile touch may be thousands of segments deep.
    const stack: WideNode[] = [node];
    for (let below = stack.pop(); below; below = stack.pop()) {
      this.offerAll(below.owners);
      if (below.children) for (const child of below.children.values()) stack.push(child);
    }
  }

  private offerOwners(file: number): void {
    const end = this.ownerStart[file + 1] as number;
    for (let k = this.firstOwnerAfter(file); k < end; k++) this.offer(this.owners[k] as number);
  }

  private anyOwnerConsidered(file: number): boolean {
    const end = this.ownerStart[file + 1] as number;
    for (let k = this.firstOwnerAfter(file); k < end; k++)
      if (this.considers(this.owners[k] as number)) return true;
    return false;
  }

  /** Where the owners of `file` ranked after the current unit begin. */
  private firstOwnerAfter(file: number): number {
    let lo = this.ownerStart[file] as number;
    let hi = this.ownerStart[file + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.owners[mid] as number) <= this.rank) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private offerAll(owners: readonly number[]): void {
    for (let k = firstAfter(owners, this.rank); k < owners.length; k++) this.offer(owners[k] as number);
  }

  private offer(owner: number): void {
    if (this.considers(owner)) this.add(owner);
  }

  private considers(owner: number): boolean {
    return owner > this.rank && this.seenBy[owner] !== this.rank;
  }

  private add(owner: number): void {
    this.seenBy[owner] = this.rank;
    this.partners.push(owner);
  }

  /** Links a file to the nodes on its path that hold wide touches. */
  private link(file: number): void {
    const segments = (this.fileTouch[file] as Touch).segments;
    let node: WideNode | undefined = this.root;
    for (let d = 0; node; d++) {
      if (node.owners.length > 0) {
        node.files.push(file);
        const covers = this.covers.get(file);
        if (covers) covers.push(node);
        else this.covers.set(file, [node]);
      }
      if (d === segments.length) break;
      node = node.children?.get(segments[d] as string);
    }
  }

  /** The node at a path, created with its ancestors as needed. */
  private nodeAt(segments: readonly string[]): WideNode {
    let node = this.root;
    for (const segment of segments) {
      let child = node.children?.get(segment);
      if (!child) {
        child = newNode();
        node.children ??= new Map();
        node.children.set(segment, child);
      }
      node = child;
    }
    return node;
  }
}

const noNodes: readonly WideNode[] = [];
