// The domain's view of GitHub's failures. Octokit throws a RequestError with an HTTP status; the one place that
// translates it is toRepoError, so the rest of the app asks "was it not found?" rather than "was it a 404?".

export type RepoErrorKind =
  | "not-found"
  | "already-exists"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "rate-limited"
  | "unavailable";

export class RepoError extends Error {
  constructor(
    readonly kind: RepoErrorKind,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "RepoError";
  }
}

export function isRepoError(error: unknown, kind?: RepoErrorKind): error is RepoError {
  return error instanceof RepoError && (kind === undefined || error.kind === kind);
}

function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
}

/** GitHub's message, plus the first validation error it lists (422s put the useful part there). */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const data = typeof response === "object" && response !== null ? (response as Record<string, unknown>) : {};
  const base = typeof data.message === "string" ? data.message : String((error as Error)?.message ?? error);
  const first = Array.isArray(data.errors) ? data.errors[0] : undefined;
  const detail =
    typeof first === "string"
      ? first
      : typeof first === "object" && first !== null
        ? String((first as Record<string, unknown>).message ?? (first as Record<string, unknown>).code ?? "")
        : "";
  return (detail && !base.includes(detail) ? `${base}: ${detail}` : base).slice(0, 500);
}

export function toRepoError(error: unknown, doing: string): RepoError {
  if (error instanceof RepoError) return error;
  const status = statusOf(error);
  const message = messageOf(error);
  const text = `${doing}: ${message}`;
  if (status === 404 || status === 410) return new RepoError("not-found", text, status);
  if (status === 409) return new RepoError("conflict", text, status);
  if (status === 422 && /already exists|already_exists|duplicate/i.test(message))
    return new RepoError("already-exists", text, status);
  if (status === 422) return new RepoError("invalid", text, status);
  if (status === 429 || (status === 403 && /rate limit|abuse|secondary/i.test(message)))
    return new RepoError("rate-limited", text, status);
  if (status === 401 || status === 403) return new RepoError("forbidden", text, status);
  return new RepoError("unavailable", text, status);
}
