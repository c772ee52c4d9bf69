import { expect, it } from "vitest";
import { renderDashboard } from "../../src/render/dashboard.js";
import { sampleInput } from "./dashboard-fixture.js";

// The whole dashboard of the nine-task sample track (every status, a lock, a failed prerequisite, a question):
// review the file when the layout changes on purpose. A .txt for the same reason as demo-dispatch-plan.txt.
it("renders the sample track's dashboard", async () => {
  await expect(renderDashboard(sampleInput())).toMatchFileSnapshot("__snapshots__/sample-dashboard.txt");
});
