// The webhook deliveries a stateful GitHub fake sends about its world, one builder per event family, each
// payload checked against GitHub's schemas before it is handed out (see webhook-common.ts `delivery`).

export {
  type CheckOptions,
  type CheckRunAction,
  type CheckSuiteAction,
  type CheckSuiteInput,
  checkRunEvent,
  checkSuiteEvent,
} from "./check-events.js";
export { type IssuesAction, type IssuesExtra, issueCommentEvent, issuesEvent } from "./issue-events.js";
export { type PullRequestAction, type PullRequestExtra, pullRequestEvent } from "./pull-request-event.js";
export { ciBot } from "./webhook-actors.js";
export { type DeliveryOptions, defaultInstallationId, type WebhookDelivery } from "./webhook-common.js";
export { type WorkflowRunAction, type WorkflowRunOptions, workflowRunEvent } from "./workflow-run-event.js";
