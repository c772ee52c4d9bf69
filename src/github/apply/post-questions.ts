// A task that now waits for a person says so on its task issue: each open question with the escalation id people
// answer it by (E-01, … as the dashboard numbers them), and how to answer. Questions quote the agent's text, so
// they are posted inert.

import type { TrackState } from "../../engine/track/state.js";
import { truncate } from "../../render/markdown-text.js";
import { neutraliseReferences } from "../../render/markdown-text-github.js";
import { openQuestions } from "../tracks/escalations.js";
import type { ApplySession } from "./apply-session.js";

export async function postQuestions(
  session: ApplySession,
  track: TrackState,
  unit: string,
  issue: number,
): Promise<void> {
  const questions = openQuestions(track).filter((question) => question.unit === unit);
  if (questions.length === 0) return;
  const lines = [
    `**${neutraliseReferences(truncate(unit, 100))} waits for a person.**`,
    "",
    ...questions
      .slice(0, 20)
      .map(
        (question) =>
          `- **${question.id}:** ${neutraliseReferences(truncate(question.text.replace(/\s+/g, " "), 1500))}`,
      ),
    "",
    `Answer here with \`/answer <text>\` (or \`/answer ${questions[0]?.id} <text>\` on the track issue); the next attempt gets the answer in its brief.`,
  ];
  await session.repo.createComment(issue, lines.join("\n"));
}
