// What applying effects found out about GitHub (an issue's number, a run's id, the dashboard comment), as
// patches merged into the document's links. Patches only add what was learnt, so they can be applied again on
// top of a document another process wrote meanwhile.

import {
  type AppDocument,
  emptyTrackLinks,
  emptyUnitLinks,
  type TrackLinks,
  type UnitLinks,
} from "./app-document.js";

export type LinkPatch =
  | { kind: "unit"; track: string; unit: string; links: Partial<UnitLinks> }
  | { kind: "dashboard"; track: string; comment: number; hash: string };

export function applyPatches(document: AppDocument, patches: readonly LinkPatch[]): AppDocument {
  if (patches.length === 0) return document;
  const tracks: Record<string, TrackLinks> = { ...document.tracks };
  const trackOf = (id: string): TrackLinks => {
    const links = Object.hasOwn(tracks, id) ? tracks[id] : undefined;
    const copy = links ? { ...links, units: { ...links.units } } : emptyTrackLinks();
    tracks[id] = copy;
    return copy;
  };
  for (const patch of patches) {
    const track = trackOf(patch.track);
    if (patch.kind === "unit") {
      const before = Object.hasOwn(track.units, patch.unit) ? track.units[patch.unit] : undefined;
      track.units[patch.unit] = { ...(before ?? emptyUnitLinks()), ...patch.links };
    } else {
      track.dashboard = { comment: patch.comment, hash: patch.hash };
    }
  }
  return { ...document, tracks };
}
