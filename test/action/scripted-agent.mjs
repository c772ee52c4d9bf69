// A scripted stand-in for an AI agent, for .github/workflows/action-selftest.yml: the Action runs it as its
// agent-command. It changes one file inside the task's touches (SELFTEST_FILE, which the self-test passes through
// the Action step's env), writes a report in the swarm-iosm format to $SWARM_REPORT, and prints the one JSON
// object a Claude Code run ends with, so the Action's reading of the agent's cost is exercised too.

import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, normalize } from "node:path";

function required(name) {
  const value = process.env[name];
  if (value === undefined || value === "") {
    console.error(`scripted-agent: $${name} is not set`);
    process.exit(2);
  }
  return value;
}

const report = required("SWARM_REPORT");
const task = required("SWARM_TASK");
const file = normalize(required("SELFTEST_FILE"));
// Repository-relative, inside the checkout: the Action runs the agent at the repository root.
if (isAbsolute(file) || file === ".." || file.startsWith("../") || file.startsWith(".git/")) {
  console.error(`scripted-agent: SELFTEST_FILE must be a path inside the repository, not ${file}`);
  process.exit(2);
}

mkdirSync(dirname(file), { recursive: true });
appendFileSync(
  file,
  `Self-test of the Swarm Dispatch Action: task ${task}, run ${process.env.GITHUB_RUN_ID ?? "local"}.\n`,
);

writeFileSync(
  report,
  [
    `# Report: ${task}`,
    "",
    "**Status:** DONE ✅",
    "",
    "## Summary",
    "",
    `The scripted self-test agent appended one line to \`${file}\`, inside the task's touches, and changed nothing else.`,
    "",
    "## SpawnCandidates",
    "",
    "None identified.",
    "",
  ].join("\n"),
);

console.log(JSON.stringify({ type: "result", subtype: "success", is_error: false, total_cost_usd: 0 }));
