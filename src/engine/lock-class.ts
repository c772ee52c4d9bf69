// Concurrency classes as small numbers, for the flat lists the scheduler keeps per unit (see `UnitLocks`).

export const readOnlyCode = 0;
export const writeLocalCode = 1;
export const writeSharedCode = 2;

/** A class that is neither read-only nor write-shared locks like write-local, as `LockTable.request` treats it. */
export function classCode(concurrency: string): number {
  if (concurrency === "read-only") return readOnlyCode;
  return concurrency === "write-shared" ? writeSharedCode : writeLocalCode;
}
