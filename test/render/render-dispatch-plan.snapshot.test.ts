import { expect, it } from "vitest";
import { renderDispatchPlan } from "../../src/render/render-dispatch-plan.js";
import { demoAnalysis, demoPlan } from "../support/sample-analysis.js";

// The whole document for the six-task demo track: review the file when the layout changes on purpose. It is a .txt,
// not a .md, because Biome formats markdown (it would realign the tables and break the byte-for-byte comparison).
it("renders the demo track's dispatch plan", async () => {
  await expect(renderDispatchPlan(demoPlan(), demoAnalysis())).toMatchFileSnapshot(
    "__snapshots__/demo-dispatch-plan.txt",
  );
});
