// `post-check`: the engine measured a gate from a report's metrics (or the track's gates); the result goes on the
// unit's pull request head as the gate's check run, `swarm/<gate>`, updated in place when it is there already.
// A track-level result has no commit to go on: the dashboard shows it.

import type { Effect } from "../../engine/track/effects.js";
import { isOwnCheck } from "../checks/gate-check.js";
import type { EffectResult } from "./apply-context.js";
import type { ApplySession } from "./apply-session.js";

type PostCheck = Extract<Effect, { type: "post-check" }>;

export async function applyPostCheck(session: ApplySession, effect: PostCheck): Promise<EffectResult> {
  if (effect.unit === null) return {};
  const pr = session.links(effect.track, effect.unit).pr;
  if (pr === null) return {};
  const pull = await session.repo.getPull(pr);
  if (pull?.state !== "open") return {};
  const name = `swarm/${effect.name}`;
  const input = {
    name,
    externalId: `${effect.track}/${effect.unit}/${name}`,
    status: "completed" as const,
    conclusion: effect.conclusion,
    title: `${effect.name} ${effect.conclusion === "success" ? "passes" : "fails"}`,
    summary: effect.summary,
  };
  const runs = await session.repo.listCheckRuns(pull.headSha, 300);
  const mine = runs.filter((run) => run.name === name && isOwnCheck(run)).sort((a, b) => b.id - a.id)[0];
  if (mine && (await session.repo.updateCheckRun(mine.id, input)) === "updated") return {};
  await session.repo.createCheckRun({ ...input, headSha: pull.headSha });
  return {};
}
