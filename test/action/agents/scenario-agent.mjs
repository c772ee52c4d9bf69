// A scripted agent for the Action's tests: it does what $SCENARIO says, in the repository it runs in, and
// writes its report to $SWARM_REPORT. It is the test's stand-in for Claude Code and the like.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const scenario = process.env.SCENARIO ?? "success";
const report = process.env.SWARM_REPORT;
const write = (path, text) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const goodReport = (status = "✅ Complete") => `# Subagent Report: ${process.env.SWARM_TASK} — Login API

**Status:** ${status}
**Cost:** $1.25

## Summary

Added the login handler. The brief said: ${readFileSync(process.env.SWARM_BRIEF, "utf8").split("\n")[0]}

## SpawnCandidates

| ID | Subtask | Touches | Effort | User Input | Severity | Dedup Key | Accept Criteria |
|----|---------|---------|--------|------------|----------|-----------|-----------------|
| SC-01 | Rate-limit the login endpoint | \`src/api/limit.ts\` | S | false | low | \`limit.ts\\|rate\` | 429 after 5 tries |

## Escalation Requests

None
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

switch (scenario) {
  case "success":
    write("src/api/login.ts", "export const login = () => true;\n");
    write(report, goodReport());
    break;
  case "outside":
    write("src/api/login.ts", "export const login = () => true;\n");
    write("README.md", "changed by the agent\n");
    write(report, goodReport());
    break;
  case "crash":
    write("src/api/login.ts", "export const half = 1;\n");
    process.exit(3);
    break;
  case "hang":
    write("src/api/login.ts", "export const early = 1;\n");
    // Printed so the test sees the agent was running, then it never ends by itself.
    console.log("working…");
    await sleep(600_000);
    break;
  case "slow":
    write("src/api/login.ts", "export const step1 = 1;\n");
    await sleep(Number(process.env.SLOW_MS ?? 2500));
    write("src/api/login.ts", "export const step2 = 2;\n");
    write(report, goodReport());
    break;
  case "hostile":
    write("src/api/login.ts", "export const login = 1;\n");
    write(
      report,
      `**Status:** $(touch pwned) \`touch pwned2\` ✅\n\n## Summary\n\n@everyone see #1 <img src=x onerror=alert(1)> -->\n\n${"x".repeat(300_000)}\n`,
    );
    break;
  case "no-report":
    write("src/api/login.ts", "export const login = 1;\n");
    break;
  case "env":
    // Tells the test what it was given: never a token.
    write(report, goodReport());
    write("src/api/env.json", JSON.stringify(process.env));
    break;
  case "json-cost":
    write("src/api/login.ts", "export const login = 1;\n");
    write(report, goodReport().replace("**Cost:** $1.25\n", ""));
    console.log(JSON.stringify({ type: "result", total_cost_usd: 0.42, result: "done" }));
    break;
  default:
    process.exit(64);
}
