// While the agent runs, its work so far is committed and pushed every few minutes, so a run that is killed (by
// the time limit, the runner, a crash) loses at most that much. Checkpoints never overlap, and a failed push is
// logged and tried again at the next one rather than ending the run.

import type { GitRepo } from "./git-repo.js";

export interface Checkpoints {
  /** Waits for a checkpoint in progress and stops the timer. */
  stop(): Promise<void>;
}

export function startCheckpoints(
  git: GitRepo,
  branch: string,
  everyMinutes: number,
  message: () => string,
  log: (line: string) => void,
): Checkpoints {
  if (everyMinutes <= 0) return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = (async () => {
      try {
        if (await git.commitAll(message())) {
          await git.push(branch);
          log("Checkpoint: the agent's work so far is pushed.");
        }
      } catch (error) {
        log(`Checkpoint failed, trying again at the next one: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        busy = false;
      }
    })();
  }, everyMinutes * 60_000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
