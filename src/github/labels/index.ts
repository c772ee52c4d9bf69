// The label names, looks and readers the app uses; see label-part.ts for how ids are made safe for GitHub.

export {
  defaultLabelPrefix,
  type LabelStatus,
  labelPrefixProblem,
  labelStatuses,
  maxLabelLength,
  maxLabelPrefixLength,
  needsLabel,
  statusLabel,
  statusLabels,
  taskMarkerLabel,
  trackLabel,
  trackMarkerLabel,
} from "./label-names.js";
export { labelPart, shortHash } from "./label-part.js";
export {
  fitDescription,
  type LabelSpec,
  maxDescriptionLength,
  needsSpec,
  statusSpec,
  taskMarkerSpec,
  trackMarkerSpec,
  trackSpec,
} from "./label-specs.js";
export {
  hasLabel,
  type IssueLabel,
  isTaskIssue,
  isTrackIssue,
  labelNames,
  statusesOfLabels,
  statusOfLabels,
  statusPrecedence,
  trackOfLabels,
} from "./read-labels.js";
