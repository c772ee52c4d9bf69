// Where the Action's GitHub token comes from. An installation token lives one hour, and an attempt may run for
// five. The workflow mints one with actions/create-github-app-token; given the App's id and private key as well,
// the Action uses that token while it is young and then mints new ones for this repository's installation itself,
// renewing each before it runs out, so the final push and the pull request still go through. Given only a token,
// it uses that (a run past an hour may then lose its last push); given only the key, it mints from the start.

import { createAppAuth } from "@octokit/auth-app";
import { request as octokitRequest } from "@octokit/request";

export interface TokenSource {
  /** A token valid for at least a few more minutes. */
  token(): Promise<string>;
  /** Every token handed out so far, to keep them out of logs and out of the agent's environment. */
  readonly issued: readonly string[];
}

export function fixedToken(token: string): TokenSource {
  return { token: async () => token, issued: [token] };
}

/** A given token is used this long (it was made just before the step, and lives an hour). */
export const givenTokenMs = 45 * 60_000;

/** The given token while it is young, then the App's own tokens. */
export function renewedToken(given: string, app: TokenSource, now: () => number = Date.now): TokenSource {
  const start = now();
  const issued = [given];
  return {
    issued,
    async token() {
      if (now() - start < givenTokenMs) return given;
      const token = await app.token();
      if (!issued.includes(token)) issued.push(token);
      return token;
    },
  };
}

/** Tokens are renewed this long before GitHub says they expire. */
const renewMarginMs = 10 * 60_000;

export function appTokens(options: {
  appId: string;
  privateKey: string;
  repository: { owner: string; repo: string };
  baseUrl: string;
  request?: { fetch?: typeof globalThis.fetch };
  now?: () => number;
}): TokenSource {
  const now = options.now ?? Date.now;
  const request = octokitRequest.defaults({
    baseUrl: options.baseUrl,
    ...(options.request?.fetch ? { request: { fetch: options.request.fetch } } : {}),
  });
  const auth = createAppAuth({ appId: options.appId, privateKey: options.privateKey, request });
  const issued: string[] = [];
  let current: { token: string; expiresAt: number } | null = null;
  let installation: Promise<number> | null = null;
  const installationId = async (): Promise<number> => {
    const { token } = await auth({ type: "app" });
    const { owner, repo } = options.repository;
    try {
      const response = await request("GET /repos/{owner}/{repo}/installation", {
        owner,
        repo,
        headers: { authorization: `bearer ${token}` },
      });
      return response.data.id;
    } catch (error) {
      throw new Error(`the App is not installed on ${owner}/${repo} (${(error as Error).message})`);
    }
  };
  return {
    issued,
    async token() {
      if (current && current.expiresAt - now() > renewMarginMs) return current.token;
      installation ??= installationId();
      const minted = await auth({ type: "installation", installationId: await installation, refresh: true });
      current = { token: minted.token, expiresAt: Date.parse(minted.expiresAt) };
      issued.push(minted.token);
      return minted.token;
    },
  };
}
