import { describe, expect, it } from "vitest";
import { editDistance, nearestCommand } from "../../../src/github/commands/nearest-command.js";

describe("nearestCommand", () => {
  it("finds typos of a command", () => {
    expect(nearestCommand("dispatchh")).toBe("dispatch");
    expect(nearestCommand("dsipatch")).toBe("dispatch");
    expect(nearestCommand("pln")).toBe("plan");
    expect(nearestCommand("retyr")).toBe("retry");
  });

  it("leaves other words alone", () => {
    for (const word of [
      "usr",
      "etc",
      "cc",
      "me",
      "lgtm",
      "approve",
      "assign",
      "close",
      "label",
      "hold",
      "test",
    ]) {
      expect(nearestCommand(word)).toBeNull();
    }
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit and stops past the limit", () => {
    expect(editDistance("ab", "ba", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("", "plan", 9)).toBe(4);
  });
});
