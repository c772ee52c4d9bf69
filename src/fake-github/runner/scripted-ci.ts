// The repository's CI, scripted: on every new head of a pull request it posts a completed check run (as another
// app would) and its check suite, with the conclusion a scenario chooses, e.g. tests failing on a task's first
// push and passing on the second.

import type { WorldPull } from "../repo-world.js";
import type { Ci } from "../server/fake-events.js";
import type { FakeGitHub } from "../server/fake-github.js";
import { checkRunEvent, checkSuiteEvent } from "../webhooks/webhook-payloads.js";

/** The conclusion of CI on a pull request's `push`-th head (1 for the first). */
export type CiVerdict = (pull: WorldPull, push: number) => "success" | "failure";

export class ScriptedCi implements Ci {
  private readonly pushes = new Map<number, number>();

  constructor(
    private readonly fake: FakeGitHub,
    private readonly verdict: CiVerdict = () => "success",
    readonly checkName = "test",
  ) {}

  onHead(pull: WorldPull): void {
    const push = (this.pushes.get(pull.number) ?? 0) + 1;
    this.pushes.set(pull.number, push);
    const world = this.fake.world;
    const conclusion = this.verdict(pull, push);
    const run = world.ciCheck(pull.headSha, this.checkName, "completed", conclusion);
    this.fake.events.emit(checkRunEvent(world, run, "completed"));
    this.fake.events.emit(
      checkSuiteEvent(
        world,
        { headSha: pull.headSha, headBranch: pull.branch, conclusion, pulls: [pull] },
        "completed",
      ),
    );
  }
}
