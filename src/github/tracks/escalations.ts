// Escalation ids as people see them: `E-01`, `E-02`, … number the open questions of a track in the track's
// plan order (then the order each unit asked them). The dashboard and the question comments use the same
// numbering, so `/answer E-02 …` names what the person read.

import type { TrackState } from "../../engine/track/state.js";

export interface OpenQuestion {
  id: string;
  unit: string;
  text: string;
}

export function openQuestions(track: TrackState): OpenQuestion[] {
  const units = Object.keys(track.units).sort(
    (a, b) => (track.units[a]?.order ?? 0) - (track.units[b]?.order ?? 0),
  );
  const found: OpenQuestion[] = [];
  for (const unit of units) {
    for (const question of track.runs[unit]?.questions ?? []) {
      found.push({ id: `E-${String(found.length + 1).padStart(2, "0")}`, unit, text: question.text });
    }
  }
  return found;
}

/** The unit an escalation id names, or null. Ids match without case and leading zeros (`e-1` is `E-01`). */
export function unitOfEscalation(track: TrackState, escalation: string): string | null {
  const match = /^E-0*([1-9][0-9]{0,5})$/i.exec(escalation.trim());
  if (!match) return null;
  return openQuestions(track)[Number(match[1]) - 1]?.unit ?? null;
}
