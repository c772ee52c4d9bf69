// What a check run's request carries, within GitHub's limits: the output (title, summary, text) and its
// annotations, 50 to a request. GitHub refuses a whole request for one field over its limit, so text a caller
// passes too long is cut here (at a character boundary, never inside one) rather than losing the check run.

import { RepoError } from "./errors.js";
import type { CheckAnnotation, CheckRunInput } from "./repo-port.js";

/** Summary and text: GitHub's 65,535, counted here in UTF-8 bytes, which is never more than its count. */
export const maxOutputBytes = 65_535;
/** An annotation's message: "64 KB", kept just under 64 KiB. */
export const maxMessageBytes = 65_535;
export const maxAnnotationTitleCharacters = 255;
export const annotationsPerRequest = 50;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The longest start of `text` whose UTF-8 form fits in `max` bytes. */
export function cutToBytes(text: string, max: number): string {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short text needs no encoding to know it fits.
  if (text.length * 3 <= max) return text;
  const bytes = encoder.encode(text);
  if (bytes.length <= max) return text;
  let end = max;
  // bytes[end] is the first byte left out; a continuation byte there means its character began before the cut.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return decoder.decode(bytes.subarray(0, end));
}

/** At most `max` UTF-16 units (so at most `max` characters by any count), not splitting a surrogate pair. */
export function cutToCharacters(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function line(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.trunc(value)) : 1;
}

/** GitHub's fields; lines are whole and at least 1, and the end is not before the start. */
export function annotationBody(annotation: CheckAnnotation) {
  const start = line(annotation.startLine);
  return {
    path: annotation.path,
    start_line: start,
    end_line: Math.max(start, line(annotation.endLine)),
    annotation_level: annotation.level,
    message: cutToBytes(annotation.message, maxMessageBytes),
    ...(annotation.title === undefined || annotation.title === ""
      ? {}
      : { title: cutToCharacters(annotation.title, maxAnnotationTitleCharacters) }),
  };
}

export type AnnotationBody = ReturnType<typeof annotationBody>;

/** The annotations in groups of 50 (none for none): the first goes with the create or update. */
export function annotationBatches(annotations: readonly CheckAnnotation[] = []): AnnotationBody[][] {
  const batches: AnnotationBody[][] = [];
  for (let from = 0; from < annotations.length; from += annotationsPerRequest) {
    batches.push(annotations.slice(from, from + annotationsPerRequest).map(annotationBody));
  }
  return batches;
}

/** The output object; every request for one run repeats title, summary and text, so none of them is lost. */
export function outputBody(
  input: Pick<CheckRunInput, "title" | "summary" | "text">,
  annotations: readonly AnnotationBody[] = [],
) {
  return {
    title: input.title,
    summary: cutToBytes(input.summary, maxOutputBytes),
    ...(input.text === undefined ? {} : { text: cutToBytes(input.text, maxOutputBytes) }),
    ...(annotations.length === 0 ? {} : { annotations: [...annotations] }),
  };
}

/** Refuses, before anything is sent, a status and conclusion GitHub would refuse or quietly change. */
export function refuseBadStatus(input: Pick<CheckRunInput, "status" | "conclusion">, doing: string): void {
  const problem =
    input.status === "completed" && input.conclusion === undefined
      ? "a completed check run needs a conclusion"
      : // GitHub completes a run that is given a conclusion, whatever status came with it.
        input.status !== "completed" && input.conclusion !== undefined
        ? `a ${input.status} check run cannot have a conclusion (${input.conclusion})`
        : null;
  if (problem !== null) throw new RepoError("invalid", `${doing}: ${problem}`, null);
}
