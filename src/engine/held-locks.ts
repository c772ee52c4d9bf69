// The locks a lock table holds, as a dense list: a candidate is compared with each of them while there are few.

import type { Touch } from "./touches.js";

/** Held locks in a dense list, each one's place remembered (by lock id) so removal is a swap with the last. */
export class HeldLocks {
  readonly ids: number[] = [];
  readonly touches: Touch[] = [];
  private readonly places: number[] = [];

  /** Makes room for one more lock id (ids are handed out one by one from 0). */
  grow(): void {
    this.places.push(-1);
  }

  add(id: number, touch: Touch): void {
    this.places[id] = this.ids.length;
    this.ids.push(id);
    this.touches.push(touch);
  }

  delete(id: number): void {
    const place = this.places[id] as number;
    const lastId = this.ids.pop() as number;
    const lastTouch = this.touches.pop() as Touch;
    if (lastId === id) return;
    this.ids[place] = lastId;
    this.touches[place] = lastTouch;
    this.places[lastId] = place;
  }
}
