// The agent workflow names each run after what it runs (`run-name:` in the workflow file), so the app can tell
// from GitHub alone which attempt of which task a run is: after a lost webhook, a restart between a dispatch and
// its record, or a rebuild of the state. The workflow's inputs are identifiers only (track, task, attempt).

/** The line the agent workflow must carry (docs/agent-workflow.md). */
export const runNameExpression =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
  "swarm #${{ inputs.track }} ${{ inputs.task }} attempt ${{ inputs.attempt }}";

export function runName(track: string, task: string, attempt: number): string {
  return `swarm #${track} ${task} attempt ${attempt}`;
}

const pattern = /^swarm #([1-9][0-9]{0,15}) (.{1,200}) attempt ([1-9][0-9]{0,5})$/s;

export interface RunIdentity {
  track: string;
  task: string;
  attempt: number;
}

/** What a run's name says it runs, or null for a run of anything else. */
export function parseRunName(name: string | null | undefined): RunIdentity | null {
  if (typeof name !== "string" || name.length > 300) return null;
  const match = pattern.exec(name);
  if (!match) return null;
  return { track: match[1] ?? "", task: match[2] ?? "", attempt: Number(match[3]) };
}

/** The workflow_dispatch inputs of an attempt: nothing but identifiers, as strings. */
export function dispatchInputs(track: string, task: string, attempt: number): Record<string, string> {
  return { track, task, attempt: String(attempt) };
}
