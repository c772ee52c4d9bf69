// The people of a scenario, reacting to what the app does as a person would: a task that waits for a person gets
// its answer (/answer on its task issue), and a task pull request whose Gate-O check failed gets a fixing push.
// Each reaction happens once per task, a moment after its cause, like a person who reads notifications.

import type { FakeGitHub } from "../server/fake-github.js";
import { personComments, personPushes } from "../server/person.js";
import type { Scenario } from "./scenario.js";

export class ScriptedPeople {
  private readonly answered = new Set<string>();
  private readonly fixed = new Set<string>();
  private pending = 0;
  readonly actions: string[] = [];

  constructor(
    private readonly fake: FakeGitHub,
    private readonly scenario: Scenario,
    private readonly delayMs = 50,
  ) {
    fake.events.listen((name, payload) => this.see(name, payload));
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  private later(job: () => Promise<void> | void): void {
    this.pending += 1;
    setTimeout(() => {
      Promise.resolve()
        .then(job)
        .catch((error) => this.fake.problems.push(`scripted person: ${String(error)}`))
        .finally(() => {
          this.pending -= 1;
        });
    }, this.delayMs);
  }

  private see(name: string, payload: Record<string, unknown>): void {
    if (name === "issue_comment.created") {
      const comment = payload.comment as { body?: string; user?: { type?: string } };
      const issue = payload.issue as { number: number };
      const waits = /^\*\*(\S+) waits for a person\.\*\*/.exec(comment.body ?? "");
      const task = waits?.[1];
      if (!task || comment.user?.type !== "Bot" || this.answered.has(task)) return;
      const answer = this.scenario.people.answers[task];
      if (answer === undefined) return;
      this.answered.add(task);
      this.later(() => {
        this.actions.push(`answered ${task}`);
        personComments(this.fake, issue.number, `/answer ${answer}`);
      });
      return;
    }
    if (name === "check_run.completed") {
      const run = payload.check_run as { name?: string; conclusion?: string; head_sha?: string };
      if (run.name !== "swarm/Gate-O" || run.conclusion !== "failure") return;
      const pull = [...this.fake.world.pulls.values()].find(
        (candidate) => candidate.headSha === run.head_sha && candidate.state === "open",
      );
      const task = pull?.branch.split("/").at(-1);
      if (!pull || !task || this.fixed.has(task)) return;
      const fix = this.scenario.people.fixes[task];
      if (!fix) return;
      this.fixed.add(task);
      this.later(async () => {
        this.actions.push(`fixed ${task}`);
        await personPushes(this.fake, pull.branch, fix.files, fix.message);
      });
    }
  }
}
