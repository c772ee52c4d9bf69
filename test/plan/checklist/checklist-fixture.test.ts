// The checklist fixture (fixtures/plans/checklist.md) extracts to exactly this draft: numbered items with their
// subtasks, `[x]` and `[-]` marks, field lines, description lines as acceptance notes, and the
// depends-on-previous default for top-level tasks without a Depends line.

import { describe, expect, it } from "vitest";
import { extractChecklist } from "../../../src/plan/checklist/extract-checklist.js";
import { at, extract, readFixture } from "../../support/extract-draft.js";

describe("extractChecklist on fixtures/plans/checklist.md", () => {
  const { draft, diag } = extract(
    extractChecklist,
    readFixture("checklist.md"),
    "fixtures/plans/checklist.md",
  );

  it("reports nothing", () => {
    expect(diag.items).toEqual([]);
  });

  it("takes the track title from the H1 and the id from the Track line", () => {
    expect(draft.format).toBe("checklist");
    expect(draft.track).toEqual({
      title: at("Implementation Plan: Resumable Webhook Delivery", 1),
      id: at("webhook-delivery", 3),
    });
    expect(draft.gates).toEqual([]);
    expect(draft.groups).toEqual([]);
  });

  it("reads every task with its subtasks, fields and lines", () => {
    expect(draft.tasks).toEqual([
      {
        id: "1",
        line: 12,
        title: "Record every delivery attempt",
        fields: { status: at("DONE", 12) },
        subtasks: [
          {
            id: "1.1",
            line: 13,
            title: "Add the `deliveries` table and its migration",
            fields: {
              status: at("DONE", 13),
              requirements: at(["1.1", "1.2"], 15),
              touches: at(["db/migrations/0012_deliveries.sql", "src/webhooks/store.ts"], 16),
              acceptance: at(["One row per attempt: target, status code, latency, response excerpt"], 14),
            },
            subtasks: [],
          },
          {
            id: "1.2",
            line: 17,
            title: "Write a property test for attempt ordering",
            fields: {
              status: at("DONE", 17),
              touches: at(["tests/webhooks/store.property.test.ts"], 20),
              acceptance: at(
                [
                  "**Property 1: Attempts are stored in the order they were made**",
                  "**Validates: Requirements 1.2**",
                ],
                18,
              ),
            },
            subtasks: [],
          },
        ],
        dependsOnPrevious: true,
      },
      {
        id: "2",
        line: 22,
        title: "Retry failed deliveries with backoff",
        fields: { status: at("DOING", 22) },
        subtasks: [
          {
            id: "2.1",
            line: 23,
            title: "Implement `nextAttemptAt()` with capped exponential backoff",
            fields: {
              status: at("DONE", 23),
              requirements: at(["2.1", "2.3"], 25),
              touches: at(["src/webhooks/backoff.ts"], 26),
              effort: at("S", 27),
              acceptance: at(["Jitter keeps many failing hooks from retrying at the same moment"], 24),
            },
            subtasks: [],
          },
          {
            id: "2.2",
            line: 28,
            title: "Schedule retries from the delivery worker",
            fields: {
              requirements: at(["2.2", "2.4"], 30),
              touches: at(["src/webhooks/worker.ts", "src/webhooks/store.ts"], 31),
              effort: at("3h", 32),
              acceptance: at(
                ["Give up after the configured number of attempts and mark the delivery dead"],
                29,
              ),
            },
            subtasks: [],
          },
        ],
        dependsOnPrevious: true,
      },
      {
        id: "3",
        line: 34,
        title: "Sign payloads with a per-endpoint secret",
        fields: {
          deps: at(["1"], 37),
          requirements: at(["3.1", "3.2"], 38),
          touches: at(["src/webhooks/signing.ts", "src/webhooks/endpoints.ts"], 39),
          role: at("security-engineer", 40),
          effort: at("M (3 hours)", 41),
          acceptance: at(
            [
              "Compute an HMAC over the raw body and send it in a header",
              "Rotate secrets without dropping deliveries signed with the old one",
            ],
            35,
          ),
        },
        subtasks: [],
      },
      {
        id: "4",
        line: 43,
        title: "Checkpoint - delivery core complete",
        fields: {
          deps: at(["2", "3"], 45),
          needsUserInput: at("true", 46),
          acceptance: at(["Ensure all tests pass, ask the user if questions arise."], 44),
        },
        subtasks: [],
      },
      {
        id: "5",
        line: 48,
        title: "Replay a delivery from the admin screen",
        fields: {},
        subtasks: [
          {
            id: "5.1",
            line: 49,
            title: "Add the replay endpoint",
            fields: {
              touches: at(["src/api/routes/replay.ts"], 51),
              acceptance: at(["Replays reuse the stored payload and create a new attempt row"], 50),
            },
            subtasks: [],
          },
          {
            id: "5.2",
            line: 52,
            title: "Add the replay button to the delivery detail view",
            fields: { touches: at(["web/src/views/delivery-detail.tsx"], 53), model: at("haiku", 54) },
            subtasks: [],
          },
        ],
        dependsOnPrevious: true,
      },
      {
        id: "6",
        line: 56,
        title: "Expose delivery metrics",
        fields: {
          deps: at(["2"], 57),
          touches: at(["src/metrics/webhooks.ts"], 58),
          concurrency: at("write-local", 59),
        },
        subtasks: [],
      },
      {
        id: "7",
        line: 61,
        title: "Document the retry policy and signature check",
        fields: { touches: at(["docs/webhooks.md"], 62), role: at("technical-writer", 63) },
        subtasks: [],
        dependsOnPrevious: true,
      },
      {
        id: "8",
        line: 65,
        title: "Final checkpoint",
        fields: { acceptance: at(["Ensure all tests pass, ask the user if questions arise."], 66) },
        subtasks: [],
        dependsOnPrevious: true,
      },
    ]);
  });
});
