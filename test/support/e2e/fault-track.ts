// One small track on the GitHub fake with the app in this process (one or two instances), under a schedule of
// faults: deliveries dropped, repeated, held back and sent later (out of order), sent to both instances at once,
// and an instance killed right after one of its state writes and started again. A monitor checks the
// invariants at every dispatch; at the end a person says /resume until the track closes (or it cannot).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { touchesOverlap } from "../../../src/engine/touches.js";
import { committedUsd } from "../../../src/engine/track/budget.js";
import { type AppInstance, startAppInProcess } from "../../../src/fake-github/app/app-in-process.js";
import type { ActionRunner } from "../../../src/fake-github/runner/action-runner.js";
import type { FakeGitHub } from "../../../src/fake-github/server/fake-github.js";
import { personComments, personOpensIssue } from "../../../src/fake-github/server/person.js";
import type { DeliveryFate } from "../../../src/fake-github/server/webhook-sender.js";
import { parseScenario } from "../../../src/fake-github/track/scenario.js";
import { startScenarioRepo } from "../../../src/fake-github/track/scenario-repo.js";
import { settled } from "../../../src/fake-github/track/track-session.js";
import { documentFromText } from "../../../src/github/state/state-document.js";

export type FaultKind = "drop" | "duplicate" | "hold" | "both" | "other";

export interface FaultSchedule {
  instances: 1 | 2;
  /** Faults by delivery index (among the first `window` deliveries). */
  faults: { at: number; kind: FaultKind }[];
  /** Instance 1 dies right after its n-th state write, and a new one takes its place. */
  killAfterStateWrites: number | null;
}

export interface FaultOutcome {
  closed: boolean;
  violations: string[];
  /** What the repository ends as: compared with the fault-free run's. */
  signature: string;
  dispatches: string[];
  resumes: number;
  problems: string[];
  kills: number;
  fake: FakeGitHub;
  runner: ActionRunner;
}

const root = process.cwd();
export const faultScenarioFile = join(root, "fixtures/demo/fault-scenario.json");

/** The plan: T1 and T2 share a file (never at once), T3 runs beside them, T4 waits for all three. */
export const touches: Record<string, string[]> = {
  T1: ["src/t1.ts", "src/shared.ts"],
  T2: ["src/t2.ts", "src/shared.ts"],
  T3: ["src/t3.ts"],
  T4: ["src/t4.ts"],
};

const plan = [
  "Four tasks under faults.",
  "",
  "```yaml",
  "track:",
  "  title: Faults",
  "  maxParallel: 3",
  "  budgetUsd: 20",
  "tasks:",
  "  - { id: T1, title: One, touches: [src/t1.ts, src/shared.ts], effort: S }",
  "  - { id: T2, title: Two, touches: [src/t2.ts, src/shared.ts], effort: S }",
  "  - { id: T3, title: Three, touches: [src/t3.ts], effort: S }",
  "  - { id: T4, title: Four, deps: [T1, T2, T3], touches: [src/t4.ts], effort: S }",
  "```",
].join("\n");

const window = 40;

export async function runFaultTrack(schedule: FaultSchedule, workDir: string): Promise<FaultOutcome> {
  const scenario = parseScenario(readFileSync(faultScenarioFile, "utf8"), faultScenarioFile);
  const { fake, runner, people } = await startScenarioRepo({
    scenario,
    scenarioFile: faultScenarioFile,
    workDir,
    root,
  });
  const violations: string[] = [];
  const dispatches: string[] = [];
  // Each instance's periodic reconcile (every 10 minutes in production), run by hand here: the newest one wins.
  const reconciles = new Map<string, () => Promise<number>>();
  const leaseMs = 1_500;
  const optionsFor = (name: string) => ({
    leaseMs,
    reconcile: (round: () => Promise<number>) => reconciles.set(name, round),
  });
  const instances: AppInstance[] = [];
  let kills = 0;
  const targets = () => fake.deliverTo(instances.map((instance) => instance.webhookUrl));
  for (let k = 0; k < schedule.instances; k++)
    instances.push(await startAppInProcess(fake, `instance-${k + 1}`, optionsFor(`instance-${k + 1}`)));
  targets();
  const first = instances[0] as AppInstance;
  if (schedule.killAfterStateWrites !== null) {
    first.endpoint.killAfterStateWrites(schedule.killAfterStateWrites);
    first.endpoint.onKill(() => {
      kills += 1;
      // A supervisor starts the process again; deliveries meanwhile went nowhere.
      void startAppInProcess(fake, "restarted", optionsFor("restarted")).then((next) => {
        instances[0] = next;
        targets();
      });
    });
  }

  const byIndex = new Map(schedule.faults.map((fault) => [fault.at, fault.kind]));
  let releaseAt = -1;
  fake.webhooks.fault = (_delivery, index): DeliveryFate => {
    if (releaseAt >= 0 && index >= releaseAt) {
      releaseAt = -1;
      fake.webhooks.releaseHeld(0);
    }
    const home = index % instances.length;
    const kind = index < window ? byIndex.get(index) : undefined;
    switch (kind) {
      case "drop":
        return { kind: "drop" };
      case "duplicate":
        return { kind: "send", targets: [home], copies: 2 };
      case "hold":
        releaseAt = index + 3;
        return { kind: "hold" };
      case "both":
        return { kind: "send", targets: instances.map((_, i) => i) };
      case "other":
        return { kind: "send", targets: [(home + 1) % instances.length] };
      default:
        return { kind: "send", targets: [home] };
    }
  };

  fake.events.listen((name, payload) => {
    if (name !== "workflow_run.requested") return;
    const id = (payload.workflow_run as { id: number }).id;
    const run = fake.world.runs.find((candidate) => candidate.id === id);
    if (!run) return;
    const task = run.inputs.task ?? "";
    dispatches.push(`${task}/${run.inputs.attempt}`);
    checkDispatch(fake, task, String(run.inputs.attempt), violations);
  });

  const track = personOpensIssue(fake, { title: "Faults", body: plan, labels: ["swarm:track"] });
  await settled(fake, runner, people, 300);
  personComments(fake, track.number, "/dispatch");
  let resumes = 0;
  for (; resumes < 6; resumes++) {
    await settled(fake, runner, people, 600);
    if (track.state === "closed") break;
    fake.webhooks.releaseHeld(0);
    personComments(fake, track.number, "/resume");
  }
  // What a dead process held is carried out once its claim ran out, by the next reconcile of a live one.
  await new Promise((resolve) => setTimeout(resolve, leaseMs + 200));
  const live = instances[0] as AppInstance;
  await (reconciles.get(live.name) ?? (async () => 0))();
  await settled(fake, runner, people, 300);
  runner.stopAll();
  for (const instance of instances) instance.kill();
  await fake.close();
  return {
    closed: track.state === "closed",
    violations,
    signature: await signature(fake),
    dispatches,
    resumes,
    problems: [...fake.problems, ...fake.world.unknown],
    kills,
    fake,
    runner,
  };
}

/** At a dispatch: its task issue exists, the attempt is new, no task still holding its files overlaps it, and the budget holds. */
function checkDispatch(fake: FakeGitHub, task: string, attempt: string, violations: string[]): void {
  const world = fake.world;
  if (!world.appIssues().some((issue) => issue.title.startsWith(`${task}:`)))
    violations.push(`${task} was dispatched before its task issue (the agent's brief) existed`);
  const same = world.runs.filter((run) => run.inputs.task === task && run.inputs.attempt === attempt);
  if (same.length > 1) violations.push(`${task} attempt ${attempt} was dispatched ${same.length} times`);
  for (const other of Object.keys(touches)) {
    if (other === task || !holds(fake, other)) continue;
    const overlap = (touches[task] ?? []).some((a) =>
      (touches[other] ?? []).some((b) => touchesOverlap(a, b)),
    );
    if (overlap) violations.push(`${task} was dispatched while ${other} held an overlapping lock`);
  }
  const stored = world.state ? documentFromText(world.state.text) : null;
  if (stored && "document" in stored)
    for (const [id, state] of Object.entries(stored.document.engine.tracks)) {
      const budget = state.settings.budgetUsd;
      if (budget !== null && committedUsd(state) > budget + 1e-9)
        violations.push(`track ${id} committed $${committedUsd(state)} of $${budget} at ${task}'s dispatch`);
    }
}

/** A task holds its files from its dispatch until its pull request is merged or its attempt failed. */
function holds(fake: FakeGitHub, task: string): boolean {
  const runs = fake.world.runs.filter((run) => run.inputs.task === task);
  const last = runs.at(-1);
  if (!last) return false;
  if (last.status === "completed" && last.conclusion !== "success") return false;
  const pull = [...fake.world.pulls.values()].find((candidate) => candidate.branch.endsWith(`/${task}`));
  return !pull?.merged;
}

/** The repository as a user finds it: task issues (title, state, status label), merged pull requests, main. */
async function signature(fake: FakeGitHub): Promise<string> {
  const issues = fake.world
    .appIssues()
    .map(
      (issue) =>
        `${issue.title} ${issue.state} ${issue.labels.filter((l) => /^swarm:(done|failed|cancelled|review|running|ready|blocked|needs-input)$/.test(l)).join(",")}`,
    )
    .sort();
  const merged = [...fake.world.pulls.values()]
    .filter((pull) => pull.merged)
    .map((pull) => pull.branch)
    .sort();
  const tree = await fake.git.git(["ls-tree", "-r", "main"]);
  return [...issues, ...merged, tree].join("\n");
}
