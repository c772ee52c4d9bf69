// Every unit's locks in flat lists, for the scheduler's hot loop: a candidate's class, its lock ids and whether
// all its touches are files sit in typed arrays instead of one object per unit (see `LockTable.holdLocks`).

import { classCode } from "./lock-class.js";
import { LockTable } from "./lock-table.js";
import type { Touch } from "./touches.js";
import type { DispatchUnit } from "./types.js";

export interface UnitLocks {
  /** The table numbering the locks; schedules of these units hold and release through it. */
  table: LockTable;
  /** Each unit's class code (see `classCode`). */
  codes: Uint8Array;
  /** 1 when all of a unit's touches are files. */
  filesOnly: Uint8Array;
  /** Unit i locks `ids[start[i]]` … `ids[start[i + 1] - 1]`, its touches' lock ids in order. */
  start: Int32Array;
  ids: Int32Array;
}

/** `touches[i]`: unit i's parsed touches, nothing unless it is write-local (see `LockTable.request`). */
export function compileUnitLocks(
  units: readonly DispatchUnit[],
  touches: readonly (readonly Touch[])[],
): UnitLocks {
  const table = new LockTable();
  const codes = new Uint8Array(units.length);
  const filesOnly = new Uint8Array(units.length);
  const start = new Int32Array(units.length + 1);
  let total = 0;
  for (const list of touches) total += list.length;
  const ids = new Int32Array(total);
  let next = 0;
  for (let i = 0; i < units.length; i++) {
    codes[i] = classCode((units[i] as DispatchUnit).concurrency);
    start[i] = next;
    let files = 1;
    for (const touch of touches[i] as Touch[]) {
      ids[next++] = table.lockOf(touch);
      if (touch.kind !== "file") files = 0;
    }
    filesOnly[i] = files;
  }
  start[units.length] = next;
  return { table, codes, filesOnly, start, ids };
}
