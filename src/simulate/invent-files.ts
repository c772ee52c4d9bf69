// The files a simulated agent "changed": its unit's file touches as they are, and for a folder or glob touch one
// invented file inside it. Each invented file is checked against the touch it came from with the engine's own
// overlap rules, so a simulated report can never trip the scope check by accident.

import { parsedTouchesOverlap, parseTouch } from "../engine/touches.js";

export function inventChangedFiles(touches: readonly string[], unit: string): string[] {
  const files: string[] = [];
  const name = `${unit.replace(/[^A-Za-z0-9._-]+/g, "-") || "task"}.sim`;
  for (const text of touches) {
    const touch = parseTouch(text);
    if (touch.segments.length === 0 && touch.kind !== "file") continue;
    const file =
      touch.kind === "file"
        ? touch.key
        : touch.kind === "folder"
          ? `${touch.key}${name}`
          : globExample(touch.key, name);
    if (file !== null && !files.includes(file) && parsedTouchesOverlap(parseTouch(file), touch))
      files.push(file);
  }
  return files;
}

/** A path the glob matches, made by filling its wildcards; null when filling them gives nothing it matches. */
function globExample(glob: string, name: string): string | null {
  const filled = glob
    .replace(/\{([^},]*)[^}]*\}/g, "$1")
    .replace(/\[([^\]!^])[^\]]*\]/g, "$1")
    .replace(/\*\*\/?/g, "")
    .replace(/\*/g, "sim")
    .replace(/\?/g, "x");
  if (filled === "" || filled.endsWith("/")) return `${filled}${name}`;
  return /[*?[\]{}()!+@|\\]/.test(filled) ? null : filled;
}
