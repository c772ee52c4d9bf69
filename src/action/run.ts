// The Action's entry point, thin on purpose: parse the inputs once, build the adapters (Octokit, git), run the
// attempt, report the outcome as outputs and a step summary, and fail the step with a message that says what to
// do. `fetch` can be handed in (tests); in a runner, @actions/github's proxy-aware fetch is used.

import { tmpdir } from "node:os";
import * as core from "@actions/core";
import { issueCode, neutraliseReferences } from "../render/markdown-text-github.js";
import { actionOctokit } from "./action-github.js";
import { InputError, readInputs } from "./action-inputs.js";
import { agentEnv } from "./agent-env.js";
import { GitRepo, gitAuthFor } from "./git-repo.js";
import { runAttempt } from "./run-attempt.js";
import { appTokens, fixedToken, renewedToken, type TokenSource } from "./token-source.js";

function tokenSource(
  inputs: ReturnType<typeof readInputs>,
  repository: { owner: string; repo: string },
  fetch?: typeof globalThis.fetch,
): TokenSource {
  if (inputs.app === null) return fixedToken(inputs.token ?? "");
  core.setSecret(inputs.app.privateKey);
  const minted = appTokens({
    appId: inputs.app.id,
    privateKey: inputs.app.privateKey,
    repository,
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    ...(fetch ? { request: { fetch } } : {}),
  });
  return inputs.token === null ? minted : renewedToken(inputs.token, minted);
}

export async function run(options: { fetch?: typeof globalThis.fetch } = {}): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo)
      throw new InputError("GITHUB_REPOSITORY is not set: run this Action as a step of a workflow");
    const repository = { owner, repo };
    const tokens = tokenSource(inputs, repository, options.fetch);
    const token = async () => {
      const value = await tokens.token();
      core.setSecret(value);
      return value;
    };
    const first = await token();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const remote = await new GitRepo(workspace).remoteUrl();
    const result = await runAttempt({
      inputs,
      octokit: async () => actionOctokit(await token(), options.fetch),
      repository,
      git: new GitRepo(workspace, async () => gitAuthFor(remote, await token())),
      tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
      agentEnv: agentEnv(process.env, first),
      log: (line) => core.info(line),
    });
    core.setOutput("pull-request-number", String(result.pullRequest));
    core.setOutput("status", result.status);
    core.setOutput("cost-usd", result.costUsd === null ? "" : String(result.costUsd));
    core.setOutput("scope-violations", result.scopeViolations.join("\n"));
    const summary = core.summary
      .addHeading(`${inputs.task}, attempt ${inputs.attempt}: ${result.status}`, 3)
      .addRaw(
        `Pull request #${result.pullRequest}. ${result.costUsd === null ? "Cost unknown." : `Cost $${result.costUsd.toFixed(2)}.`}` +
          (result.scopeViolations.length > 0
            ? ` Outside the touches: ${result.scopeViolations.map((file) => issueCode(file)).join(", ")}.`
            : ""),
        true,
      );
    // The summary's list is HTML and the problems quote the agent: escaped, so they show as text.
    if (result.problems.length > 0)
      summary
        .addRaw("Problems with the report:", true)
        .addList(result.problems.slice(0, 20).map((p) => escapeHtml(neutraliseReferences(p.slice(0, 400)))));
    await summary.write();
    if (result.failure) core.setFailed(result.failure);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(error instanceof InputError ? `Bad input: ${message}` : message);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
