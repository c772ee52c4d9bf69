// Every problem found in a plan, with the place it was found. Parsers collect these instead of throwing, so a
// user sees every mistake in one run (the issue asks for "every error at once").

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Path as the user gave it (or "<issue body>" for a plan posted in an issue). */
  file: string;
  /** 1-based line in `file`; 0 when the problem concerns the whole file. */
  line: number;
  message: string;
  /** What to do about it, when there is something better to say than the message. */
  hint?: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  error(line: number, message: string, hint?: string): void {
    this.items.push({ severity: "error", file: this.file, line, message, ...(hint ? { hint } : {}) });
  }

  warning(line: number, message: string, hint?: string): void {
    this.items.push({ severity: "warning", file: this.file, line, message, ...(hint ? { hint } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** `file:line: message` for errors, `file:line: warning: message` for warnings (the compiler convention). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const kind = d.severity === "warning" ? "warning: " : "";
  const hint = d.hint ? ` (${d.hint})` : "";
  return `${where}: ${kind}${d.message}${hint}`;
}

/** Errors first, then by line, so the output reads top to bottom. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
}
