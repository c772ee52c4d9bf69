// Plans posted in track issues by the app tests.

/** Three tasks: T03 waits for T01 and T02 and shares a file with T02. */
export const planBody = [
  "We want the login page rebuilt.",
  "",
  "```yaml",
  "track:",
  "  title: Login revamp",
  "  maxParallel: 3",
  "  budgetUsd: 40",
  "tasks:",
  "  - id: T01",
  "    title: Session schema",
  "    touches: [src/db/session.ts]",
  "    acceptance: [the schema migrates]",
  "  - id: T02",
  "    title: Login form",
  "    touches: [src/ui/login.tsx]",
  "  - id: T03",
  "    title: Wire form to API",
  "    deps: [T01, T02]",
  "    touches: [src/ui/login.tsx, src/api/login.ts]",
  "```",
].join("\n");
