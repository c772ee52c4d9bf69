import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/report/parse-report.js";
import { renderReport } from "../../src/report/render-report.js";
import { agentReport } from "./report-arbitrary.js";

describe("renderReport and parseReport", () => {
  it("read back every report in normal form exactly, whatever its text", () => {
    fc.assert(
      fc.property(agentReport, (report) => {
        const read = parseReport(renderReport(report));
        expect(read.report).toEqual(report);
      }),
      { numRuns: 500 },
    );
  });
});
