// Task branches are `swarm/<track>/<task>`, but task ids come from plans: text people wrote, which may hold
// spaces, `..`, `~`, `:`, a trailing `.lock` or anything else git refuses in a ref name. An id that git takes
// as it is keeps its name (`swarm/12/T04`); any other id becomes its safe characters, a `-` and eight hex digits
// of a hash of the exact id: the name is valid and stable, and two ids of one track share it with odds of one in
// four billion. Pure: no crypto here.

/** Ids up to this long are kept whole; longer ones are cut (and hashed) so branch names stay readable. */
export const maxPlainIdLength = 60;

const plainId = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function branchOf(track: string, unit: string): string {
  return `swarm/${track}/${branchPart(unit)}`;
}

/** The task's part of its branch name: the id itself when git accepts it and it is short, else a hashed form. */
export function branchPart(unit: string): string {
  if (isPlainId(unit)) return unit;
  const safe = unit
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxPlainIdLength - 9);
  return `${safe === "" ? "task" : safe}-${fnv1a(unit)}`;
}

function isPlainId(unit: string): boolean {
  return (
    unit.length <= maxPlainIdLength &&
    plainId.test(unit) &&
    !unit.includes("..") &&
    !unit.endsWith(".") &&
    !unit.endsWith(".lock") &&
    // The hashed form ends in `-` and 8 hex digits: an id of that shape would pass for another id's hash.
    !/-[0-9a-f]{8}$/.test(unit)
  );
}

/** FNV-1a over the UTF-16 units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
