// The fake's repository contents: a real bare git repository on disk, so branches, pushes, pull request files and
// merges behave as git makes them (a runner clones it and pushes to it like any remote). Git runs through
// execFile with arguments as data, never a shell.

import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const identity = {
  GIT_AUTHOR_NAME: "Swarm Dispatch fake",
  GIT_AUTHOR_EMAIL: "fake@swarm-dispatch.invalid",
  GIT_COMMITTER_NAME: "Swarm Dispatch fake",
  GIT_COMMITTER_EMAIL: "fake@swarm-dispatch.invalid",
};

export interface ChangedFile {
  path: string;
  status: "added" | "modified" | "removed" | "renamed";
  previousPath?: string;
}

export type MergeResult = { ok: true; sha: string } | { ok: false; conflicts: string[] };

export class BareRepo {
  /** Ref-moving work goes one at a time, as GitHub serialises merges: two at once would lose a compare-and-swap. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly dir: string) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A new bare repository whose `main` holds `files` in one commit. */
  static async create(dir: string, files: Record<string, string>): Promise<BareRepo> {
    await mkdir(dir, { recursive: true });
    const repo = new BareRepo(dir);
    await repo.git(["init", "--quiet", "--bare", "--initial-branch=main"]);
    const tree = await repo.treeOf(files);
    const commit = await repo.git(["commit-tree", tree, "-m", "Initial commit"]);
    await repo.git(["update-ref", "refs/heads/main", commit]);
    return repo;
  }

  async git(args: readonly string[], input?: string): Promise<string> {
    const child = run("git", [...args], {
      cwd: this.dir,
      env: { ...process.env, ...identity, GIT_DIR: this.dir, GIT_TERMINAL_PROMPT: "0" },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return (await child).stdout.trim();
  }

  /** Writes blobs and one flat-or-nested tree for `files` (paths with slashes become subtrees). */
  private async treeOf(files: Record<string, string>): Promise<string> {
    const index = join(this.dir, "fake-index");
    const env = { GIT_INDEX_FILE: index };
    for (const [path, text] of Object.entries(files)) {
      const blob = await this.git(["hash-object", "-w", "--stdin"], text);
      await this.gitEnv(env, ["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`]);
    }
    return this.gitEnv(env, ["write-tree"]);
  }

  private async gitEnv(extra: Record<string, string>, args: string[]): Promise<string> {
    const { stdout } = await run("git", args, {
      cwd: this.dir,
      env: { ...process.env, ...identity, ...extra, GIT_DIR: this.dir },
    });
    return stdout.trim();
  }

  /** A new commit on `branch` that sets `files` (on top of its tree), as a person pushing would. */
  commitFiles(branch: string, files: Record<string, string>, message: string): Promise<string> {
    return this.serial(() => this.commitFilesNow(branch, files, message));
  }

  private async commitFilesNow(
    branch: string,
    files: Record<string, string>,
    message: string,
  ): Promise<string> {
    const parent = await this.ref(branch);
    if (parent === null) throw new Error(`no branch ${branch}`);
    const index = join(this.dir, `fake-index-${process.pid}-${Date.now()}`);
    const env = { GIT_INDEX_FILE: index };
    await this.gitEnv(env, ["read-tree", parent]);
    for (const [path, text] of Object.entries(files)) {
      const blob = await this.git(["hash-object", "-w", "--stdin"], text);
      await this.gitEnv(env, ["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`]);
    }
    const tree = await this.gitEnv(env, ["write-tree"]);
    const commit = await this.git(["commit-tree", tree, "-p", parent, "-m", message]);
    await this.git(["update-ref", `refs/heads/${branch}`, commit, parent]);
    return commit;
  }

  /** The commit a branch points at, or null. */
  async ref(branch: string): Promise<string | null> {
    try {
      return await this.git(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`]);
    } catch {
      return null;
    }
  }

  async refs(): Promise<Map<string, string>> {
    const out = await this.git(["for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/"]);
    return new Map(
      out
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.split(" ") as [string, string]),
    );
  }

  /** Points `branch` at `sha`; with `expected`, only if it is still there (git's own compare-and-swap). */
  async setRef(branch: string, sha: string, expected?: string): Promise<void> {
    await this.git(["update-ref", `refs/heads/${branch}`, sha, ...(expected ? [expected] : [])]);
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    try {
      await this.git(["merge-base", "--is-ancestor", ancestor, of]);
      return true;
    } catch {
      return false;
    }
  }

  /** What a pull request shows: the files `head` changed since it left `base` (three-dot diff). */
  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const out = await this.git(["diff", "--name-status", "-M", "-z", `${base}...${head}`]);
    const fields = out.split("\0").filter((field) => field !== "");
    const files: ChangedFile[] = [];
    for (let i = 0; i < fields.length; ) {
      const code = fields[i++] ?? "";
      if (code.startsWith("R")) {
        const previousPath = fields[i++] ?? "";
        files.push({ path: fields[i++] ?? "", status: "renamed", previousPath });
        continue;
      }
      const status = code === "A" ? "added" : code === "D" ? "removed" : "modified";
      files.push({ path: fields[i++] ?? "", status });
    }
    return files;
  }

  /** Merges `head` into `base` without a working tree; a conflict leaves everything as it was. */
  merge(base: string, head: string, message: string): Promise<MergeResult> {
    return this.serial(() => this.mergeNow(base, head, message));
  }

  private async mergeNow(base: string, head: string, message: string): Promise<MergeResult> {
    const baseSha = await this.ref(base);
    const headSha = (await this.ref(head)) ?? head;
    if (baseSha === null) throw new Error(`no branch ${base}`);
    const tree = await this.mergeTree(baseSha, headSha);
    if (!tree.ok) return tree;
    const commit = await this.git(["commit-tree", tree.sha, "-p", baseSha, "-p", headSha, "-m", message]);
    await this.setRef(base, commit, baseSha);
    return { ok: true, sha: commit };
  }

  /** The merged tree of two commits, or the conflicting paths (`git merge-tree --write-tree`, git ≥ 2.38). */
  async mergeTree(
    ours: string,
    theirs: string,
  ): Promise<{ ok: true; sha: string } | { ok: false; conflicts: string[] }> {
    try {
      const out = await this.git([
        "merge-tree",
        "--write-tree",
        "--name-only",
        "--no-messages",
        ours,
        theirs,
      ]);
      return { ok: true, sha: out.split("\n")[0] ?? "" };
    } catch (error) {
      const out = String((error as { stdout?: string }).stdout ?? "");
      const [, ...conflicts] = out.trim().split("\n");
      return { ok: false, conflicts: conflicts.filter((line) => line !== "") };
    }
  }

  /** Installs a post-receive hook that runs `command` with the pushed ref lines on its standard input. */
  async onPush(script: string): Promise<void> {
    const hook = join(this.dir, "hooks", "post-receive");
    await writeFile(hook, script, { mode: 0o755 });
  }

  async readFile(ref: string, path: string): Promise<string | null> {
    try {
      return await this.git(["show", `${ref}:${path}`]);
    } catch {
      return null;
    }
  }
}
