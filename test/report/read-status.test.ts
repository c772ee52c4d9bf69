import { describe, expect, it } from "vitest";
import { readStatus } from "../../src/report/read-status.js";

describe("readStatus", () => {
  it.each([
    ["✅ Complete", "done"],
    ["DONE ✅", "done"],
    ["done", "done"],
    ["Completed", "done"],
    ["✅", "done"],
    ["⚠️ Partial", "partial"],
    ["Partial — blocked on T02", "partial"],
    ["partially done", "partial"],
    ["not done", "partial"],
    ["In progress", "partial"],
    ["⚠️", "partial"],
    ["❌ Blocked", "failed"],
    ["FAILED", "failed"],
    ["❌", "failed"],
    ["needs input", "needs-input"],
    ["Needs-Input", "needs-input"],
    ["waiting for input ❓", "needs-input"],
    ["blocked on input", "needs-input"],
    ["❓", "needs-input"],
  ])("reads %j as %s", (value, status) => {
    expect(readStatus(value)).toEqual({ status });
  });

  it("refuses a value that lists alternatives, as the unfilled template does", () => {
    expect(readStatus("✅ Complete | ⚠️ Partial | ❌ Blocked")).toEqual({
      problem:
        "the status '✅ Complete | ⚠️ Partial | ❌ Blocked' lists several statuses; write one of done, partial, failed or needs input",
    });
    expect(readStatus("done / failed")).toHaveProperty("problem");
  });

  it("refuses a value with no status word", () => {
    expect(readStatus("shipped it")).toEqual({
      problem: "the status 'shipped it' is not one the app knows; write done, partial, failed or needs input",
    });
  });
});
