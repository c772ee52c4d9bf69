// The demo's last words on stdout: how the track ended, how long it took, what got done and merged, what it
// cost (as the app reported it), and where the files are. Pure, from the session's record.

import { botComment, type DemoRecord, dashboardHeading, finalReportHeading } from "./demo-outputs.js";

export function outcomeText(record: DemoRecord): string {
  switch (record.outcome) {
    case "closed":
      return `the track closed (issue #${record.track.number})`;
    case "stuck":
      return "stuck: nothing happened for 5 s and the track is still open";
    case "timed-out":
      return `timed out: the track was still open after ${Math.round(record.elapsedMs / 1000)} s`;
  }
}

/** The cost as the app last stated it: the final report's, else the dashboard's budget line. */
export function costText(record: DemoRecord): string | null {
  const report = botComment(record.track, finalReportHeading);
  const fromReport = report === null ? null : /^- \*\*Cost:\*\* (.+)$/m.exec(report)?.[1];
  if (fromReport) return fromReport;
  const dashboard = botComment(record.track, dashboardHeading);
  return (dashboard === null ? null : /^- \*\*Spent:\*\* (.+)$/m.exec(dashboard)?.[1]) ?? null;
}

export function summaryLines(record: DemoRecord, written: readonly string[]): string[] {
  const done = record.taskIssues.filter(
    (issue) => issue.state === "closed" && issue.stateReason !== "not_planned",
  );
  const merged = record.pulls.filter((pull) => pull.merged);
  const cost = costText(record);
  return [
    `Outcome: ${outcomeText(record)}`,
    `Elapsed: ${(record.elapsedMs / 1000).toFixed(1)} s`,
    `Tasks done: ${done.length} of ${record.taskIssues.length} task issues closed`,
    `Pull requests merged: ${merged.length} of ${record.pulls.length}${merged.length > 0 ? ` (${merged.map((pull) => `#${pull.number}`).join(", ")})` : ""}`,
    ...(cost === null ? [] : [`Cost: ${cost}`]),
    "Written:",
    ...written.map((path) => `  ${path}`),
    ...(botComment(record.track, finalReportHeading) === null
      ? ["  (no final-report.md: the app posted no final report)"]
      : []),
  ];
}

export interface FailureInput {
  record: DemoRecord;
  appOutput: string;
  /** Each Action run: its inputs (task, attempt), exit code and output. */
  runs: readonly { run: { inputs: Record<string, string> }; exitCode: number | null; output: string }[];
  workDir: string;
  appLines: number;
}

/**
 * Why a track did not close, for stderr: the app's last word on the track issue, each Action run that failed
 * with its error, the tail of the app's output, and the work folder that was kept to look into.
 */
export function failureText(input: FailureInput): string {
  const lines = [`swarm-dispatch demo: the track did not close: ${outcomeText(input.record)}.`];
  const said = input.record.track.comments.filter(
    (comment) => comment.user.type === "Bot" && !comment.body.startsWith(dashboardHeading),
  );
  const last = said.at(-1)?.body.split("\n")[0];
  if (last) lines.push(`The app's last word on the track: ${last}`);
  for (const record of input.runs.filter((candidate) => candidate.exitCode !== 0)) {
    const { task = "?", attempt = "1" } = record.run.inputs;
    lines.push(`${task} attempt ${attempt}: the Action exited ${record.exitCode ?? "by a signal"}`);
    for (const error of actionErrors(record.output)) lines.push(`  ${error}`);
  }
  const tail = input.appOutput.trimEnd().split("\n").slice(-input.appLines);
  lines.push(`The app's last ${tail.length} lines of output:`, ...tail);
  lines.push(`The work folder (the fake's repository, each run's files) is kept: ${input.workDir}`);
  return `${lines.join("\n")}\n`;
}

/** The `::error::` workflow commands in an Action's output, decoded, their first three lines each. */
export function actionErrors(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("::error"))
    .flatMap((line) =>
      line
        .replace(/^::error[^:]*::/, "")
        .replace(/%0D/g, "")
        .replace(/%0A/g, "\n")
        .replace(/%25/g, "%")
        .split("\n")
        .filter((part) => part.trim() !== "")
        .slice(0, 3),
    );
}
