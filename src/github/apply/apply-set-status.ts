// `set-status`: the task issue shows the unit's status as exactly one status label, and is closed while the unit
// is done (completed) or cancelled (not planned), open otherwise. Labels the issue already shows are not sent
// again, so a pass that created the issue with its status label spends nothing more on it.

import type { Effect } from "../../engine/track/effects.js";
import { statusLabel, statusLabels, statusSpec } from "../labels/index.js";
import type { EffectResult } from "./apply-context.js";
import { handOff } from "./apply-handoff.js";
import type { ApplySession } from "./apply-session.js";
import { postQuestions } from "./post-questions.js";

type SetStatus = Extract<Effect, { type: "set-status" }>;

export async function applySetStatus(session: ApplySession, effect: SetStatus): Promise<EffectResult> {
  const links = session.links(effect.track, effect.unit);
  // No task issue yet: its create-task effect makes it with the status of that moment.
  if (links.issue === null) return {};
  const issue = links.issue;
  // The status the document holds now: an effect taken over late must not put back an older status.
  const runs = session.document.engine.tracks[effect.track]?.runs ?? {};
  const status = (Object.hasOwn(runs, effect.unit) ? runs[effect.unit]?.status : undefined) ?? effect.status;
  const prefix = session.context.settings.labelPrefix;
  const wanted = statusLabel(prefix, status);
  const all = new Set(statusLabels(prefix).map((name) => name.toLowerCase()));
  let labels = session.labels.get(issue);
  if (!labels?.some((name) => name.toLowerCase() === wanted.toLowerCase())) {
    await session.repo.ensureLabels([statusSpec(prefix, status)]);
    labels = await session.repo.addLabels(issue, [wanted]);
  }
  const stale = labels.filter(
    (name) => all.has(name.toLowerCase()) && name.toLowerCase() !== wanted.toLowerCase(),
  );
  for (const name of stale) await session.repo.removeLabel(issue, name);
  session.labels.set(
    issue,
    labels.filter((name) => !stale.includes(name)),
  );

  const close = status === "done" || status === "cancelled";
  const track = session.document.engine.tracks[effect.track];
  if (status === "done" && track) await handOff(session, track, effect.unit);
  // The effect comes when the status changes: a unit that starts waiting for a person asks on its issue.
  if (status === "needs-input" && effect.status === "needs-input" && track)
    await postQuestions(session, track, effect.unit, issue);
  if (close === links.closed) return {};
  await session.repo.updateIssue(
    issue,
    close
      ? { state: "closed", stateReason: status === "done" ? "completed" : "not_planned" }
      : { state: "open", stateReason: "reopened" },
  );
  return { patches: [{ kind: "unit", track: effect.track, unit: effect.unit, links: { closed: close } }] };
}
