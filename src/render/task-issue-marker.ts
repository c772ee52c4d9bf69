// The hidden line by which the app finds a unit's task issue again (`ensure…`: never two issues for one unit):
// `<!-- swarm-dispatch:task track=12 unit=T04 v1 -->`. The unit id is encoded (see encodeUnit), so no id can end
// the comment or fake another field. Only a line that is exactly the marker counts: plan text in the body always sits inside a
// line (after a list marker, in a code span), so it cannot produce one, whatever it contains.

export interface TaskMarker {
  /** The track issue's number, as a decimal string. */
  track: string;
  unit: string;
}

const trackNumber = /^[1-9][0-9]{0,15}$/;
const markerLine =
  /^<!-- swarm-dispatch:task track=([1-9][0-9]{0,15}) unit=((?:[A-Za-z0-9._~-]|%[0-9A-F]{4}){1,2000}) v1 -->$/;
const plainUnitChar = /[A-Za-z0-9._~-]/;
/** A body is scanned up to this length: the app writes at most 65,536 characters, a hostile edit may write more. */
const maxScannedChars = 262_144;

/** The track id as a marker field: an issue number. Anything else is a bug in the caller, not hostile input. */
export function trackField(track: string | number): string {
  const text = String(track);
  if (!trackNumber.test(text))
    throw new RangeError(`a track id is an issue number, not ${JSON.stringify(text)}`);
  return text;
}

export function taskMarker(track: string | number, unit: string): string {
  return `<!-- swarm-dispatch:task track=${trackField(track)} unit=${encodeUnit(unit)} v1 -->`;
}

/**
 * The marker of a body the app wrote, or null. Null too when the body holds two markers that disagree (a person
 * pasted another issue's): the app then treats the issue as not its own rather than guess which unit it is.
 */
export function parseTaskMarker(body: string | null | undefined): TaskMarker | null {
  if (typeof body !== "string") return null;
  let found: TaskMarker | null = null;
  for (const raw of body.slice(0, maxScannedChars).split("\n")) {
    // Bodies edited in the web UI come back with CRLF line ends.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.startsWith("<!-- swarm-dispatch:task ")) continue;
    const match = markerLine.exec(line);
    const unit = match ? decodeUnit(match[2] ?? "") : null;
    if (!match || unit === null) continue;
    const marker = { track: match[1] ?? "", unit };
    if (found !== null && (found.track !== marker.track || found.unit !== marker.unit)) return null;
    found = marker;
  }
  return found;
}

/**
 * Letters, digits and `._~-` as they are; every other UTF-16 unit as `%` and four hex digits. Unlike
 * encodeURIComponent this cannot throw on a lone surrogate (a hostile id may hold one) and decodes back exactly.
 */
export function encodeUnit(unit: string): string {
  let out = "";
  for (let index = 0; index < unit.length; index++) {
    const char = unit.charAt(index);
    out += plainUnitChar.test(char)
      ? char
      : `%${unit.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return out;
}

/** The decoded id, or null unless the field is exactly what taskMarker writes for it. */
function decodeUnit(field: string): string | null {
  const unit = field.replace(/%([0-9A-F]{4})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return encodeUnit(unit) === field ? unit : null;
}
