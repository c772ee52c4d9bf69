// The task branch's working copy, through git itself (execFile, never a shell: paths and messages are data).
// Which files an attempt changed is read from git, never from the agent's claims: everything that differs from
// the commit the attempt started at, committed by the agent or not, tracked or new.

import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitAuth {
  /** Extra `-c` settings for commands that talk to the remote (the token travels in a header, not the URL). */
  remoteConfig: string[];
}

export class GitRepo {
  constructor(
    readonly dir: string,
    /** Asked before every command that talks to the remote: the token may have been renewed. */
    private readonly auth: () => Promise<GitAuth> = async () => ({ remoteConfig: [] }),
  ) {}

  async git(args: readonly string[], options: { remote?: boolean } = {}): Promise<string> {
    const remote = options.remote ? (await this.auth()).remoteConfig : [];
    const config = remote.flatMap((setting) => ["-c", setting]);
    const { stdout } = await run("git", [...config, ...args], {
      cwd: this.dir,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
    });
    return stdout;
  }

  async head(): Promise<string> {
    return (await this.git(["rev-parse", "HEAD"])).trim();
  }

  async remoteUrl(): Promise<string> {
    return (await this.git(["remote", "get-url", "origin"])).trim();
  }

  /** Files that differ from `since` (commits and working tree), new files included, without renames folded. */
  async changedSince(since: string): Promise<string[]> {
    const changed = await this.git(["diff", "--name-only", "--no-renames", "-z", since, "--"]);
    const untracked = await this.git(["ls-files", "--others", "--exclude-standard", "-z"]);
    const files = [...changed.split("\0"), ...untracked.split("\0")].filter((file) => file !== "");
    return [...new Set(files)].sort();
  }

  /** Commits everything in the working tree; false when there was nothing to commit. */
  async commitAll(message: string): Promise<boolean> {
    await this.git(["add", "--all", "--", "."]);
    const staged = await this.git(["diff", "--cached", "--name-only"]);
    if (staged.trim() === "") return false;
    await this.git([
      "-c",
      "user.name=swarm-dispatch[bot]",
      "-c",
      "user.email=swarm-dispatch@users.noreply.github.com",
      "commit",
      "--no-verify",
      "--quiet",
      "-m",
      message,
    ]);
    return true;
  }

  async push(branch: string): Promise<void> {
    await this.git(["push", "--quiet", "origin", `HEAD:refs/heads/${branch}`], { remote: true });
  }
}

/** The header that authenticates git over HTTPS with a token (as actions/checkout does), for https remotes only. */
export function gitAuthFor(remoteUrl: string, token: string): GitAuth {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    return { remoteConfig: [] };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { remoteConfig: [] };
  const basic = Buffer.from(`x-access-token:${token}`, "utf8").toString("base64");
  return { remoteConfig: [`http.${url.origin}/.extraheader=AUTHORIZATION: basic ${basic}`] };
}
