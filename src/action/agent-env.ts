// The agent's environment: the runner's, without any credential the Action or the runner holds. The agent runs
// code from the repository and text from the plan; it must not be able to push, comment or mint tokens. Its own
// secrets (an API key) come in through the workflow step's `env:` and pass through.

/** Variables that hold or lead to a GitHub credential. */
const credentials = new Set([
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "GH_ENTERPRISE_TOKEN",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_URL",
]);

export function agentEnv(env: NodeJS.ProcessEnv, token: string): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    // Action inputs (INPUT_GITHUB-TOKEN among them) are the Action's, not the agent's.
    if (name.startsWith("INPUT_") || credentials.has(name.toUpperCase())) continue;
    // A variable that happens to carry the token under another name is dropped too.
    if (value === undefined || (token !== "" && value.includes(token))) continue;
    kept[name] = value;
  }
  return kept;
}
