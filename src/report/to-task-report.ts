// The block the app read → the engine's TaskReport. The run's outcome, measured by the Action, overrides what
// the agent claims: a run that failed or timed out is a failed attempt whatever its report says. Escalations
// become question texts that carry their id and title, since the engine keeps only the text.

import type { SpawnCandidate, TaskReport } from "../engine/track/events.js";
import type { ReportBlock, ReportEscalation } from "./report-model.js";

export function toTaskReport(block: ReportBlock): TaskReport {
  return {
    status: block.outcome === "completed" ? block.status : "failed",
    changedFiles: [...block.changedFiles],
    tasksDone: [...block.tasksDone],
    spawnCandidates: block.spawnCandidates.map(
      (candidate): SpawnCandidate => ({
        title: candidate.title,
        touches: [...candidate.touches],
        severity: candidate.severity,
        needsUserInput: candidate.needsUserInput,
        dedupKey: candidate.dedupKey,
        effortHours: candidate.effortHours,
      }),
    ),
    escalations: block.escalations.map(questionText),
    costUsd: block.costUsd,
    metrics: { ...block.metrics },
  };
}

/** `E-01: Which cache? — Context: … Question: …` on one line (the engine shows it in one comment line). */
export function questionText(escalation: ReportEscalation): string {
  const head = escalation.title === "" ? escalation.id : `${escalation.id}: ${escalation.title}`;
  const body = escalation.question.replaceAll("\n", " ");
  return body === "" ? head : `${head} — ${body}`;
}
