import { describe, expect, it } from "vitest";
import { renderDashboard } from "../../src/render/dashboard.js";
import { sampleInput, sampleTrack, setRun, t0 } from "./dashboard-fixture.js";
import { headings, listItems, parse, tableCells, tables } from "./markdown-tree.js";

function cellsOf(markdown: string, heading: string): string[][] {
  const section = markdown.slice(markdown.indexOf(`### ${heading}\n`));
  const [table] = tables(parse(section));
  if (!table) throw new Error(`no table under ${heading}`);
  return tableCells(table);
}

describe("renderDashboard", () => {
  const body = renderDashboard(sampleInput());

  it("has its sections in a fixed order and ends with the marker", () => {
    expect(headings(parse(body))).toEqual([
      "## Swarm Dispatch dashboard",
      "### Progress",
      "### Budget",
      "### Gates",
      "### Running and locks",
      "### Ready queue",
      "### Tasks",
      "### Batch history",
      "### Timeline",
    ]);
    expect(body.trimEnd().split("\n").at(-1)).toBe("<!-- swarm-dispatch:dashboard track=12 v1 -->");
    expect(body).toContain("**Login revamp** · `acme/shop` · track 12 · active");
    expect(body).toContain("_Updated 2025-03-04 16:12 UTC._");
  });

  it("lists the dispatch batches newest first, and only the latest when there are many", () => {
    expect(cellsOf(body, "Batch history")).toEqual([
      ["Batch", "Dispatched at", "Tasks"],
      ["3", "2025-03-04 13:00 UTC", "T03, T04"],
      ["2", "2025-03-04 11:00 UTC", "T02, T07"],
      ["1", "2025-03-04 09:00 UTC", "T01"],
    ]);
    const many = Array.from({ length: 150 }, (_, k) => ({ at: t0 + k * 60_000, units: [`T${k}`] }));
    const long = renderDashboard(sampleInput({ batches: many }));
    const rows = cellsOf(long, "Batch history");
    expect(rows).toHaveLength(101);
    expect(rows[1]?.[0]).toBe("150");
    expect(long).toContain("50 earlier batches not shown.");
    expect(renderDashboard(sampleInput({ batches: [] }))).toContain("Nothing has been dispatched yet.");
  });

  it("shows progress as a bar, a percentage and counts", () => {
    expect(body).toContain("`████░░░░░░░░░░░░░░░░` 22% · 2 of 9 tasks done");
    expect(body).toContain("1 running · 1 in review · 1 ready · 2 blocked · 1 needs input · 1 failed");
  });

  it("has one task row per unit with status, issue, PR, run link and reason", () => {
    const rows = cellsOf(body, "Tasks");
    expect(rows[0]).toEqual(["Task", "Title", "Status", "Issue", "PR", "Run", "Reason"]);
    expect(rows).toHaveLength(10);
    expect(rows[1]).toEqual(["T01", "Schema for sessions", "done", "#30", "#21", "—", ""]);
    expect(rows[3]).toEqual(["T03", "Login form", "running", "#32", "—", "run", ""]);
    expect(rows[4]?.slice(2, 5)).toEqual(["in review (attempt 2)", "#33", "#24"]);
    expect(rows[7]).toEqual([
      "T07",
      "Rate limiter",
      "failed (attempt 3)",
      "#36",
      "—",
      "—",
      "the agent timed out",
    ]);
    expect(body).toContain("[run](https://github.com/acme/shop/actions/runs/9001)");
  });

  it("lists what runs and the locks it holds", () => {
    expect(cellsOf(body, "Running and locks").slice(1)).toEqual([
      ["T03", "running", "1", "2025-03-04 13:00 UTC", "run", "src/ui/login.tsx"],
      ["T04", "in review", "2", "2025-03-04 14:00 UTC", "run", "src/api/login.ts"],
    ]);
  });

  it("gives each waiting task the reason it waits, in dispatch order", () => {
    const rows = cellsOf(body, "Ready queue").slice(1);
    expect(rows.map((row) => row[1])).toEqual(["T05", "T06", "T08", "T09"]);
    expect(rows.map((row) => row[3])).toEqual([
      "T03 (running), T04 (in review) to be merged",
      "an answer (/answer or /dispatch): Which captcha vendor, @\u200dalice?",
      "T07 (failed, /retry it or /cancel) to be merged",
      "the next dispatch pass",
    ]);
  });

  it("names a lock, the money, a free agent, a retry or the track as what a ready task waits for", () => {
    const waitOf = (input: ReturnType<typeof sampleInput>): string => {
      const rows = cellsOf(renderDashboard(input), "Ready queue");
      return rows.find((row) => row[1] === "T09")?.[3] ?? "";
    };
    const locked = sampleTrack();
    setRun(locked, "T03", { lock: { touches: ["docs/"], concurrency: "write-local" } });
    expect(waitOf(sampleInput({ track: locked }))).toBe("the lock held by T03");
    const poor = sampleTrack();
    poor.settings.budgetUsd = 70;
    expect(waitOf(sampleInput({ track: poor }))).toBe("money: needs $12.00, $6.00 left (/budget raises it)");
    const busy = sampleTrack();
    busy.settings.maxParallel = 1;
    expect(waitOf(sampleInput({ track: busy }))).toBe("a free agent (1 of 1 busy)");
    const retrying = sampleTrack();
    setRun(retrying, "T09", { retryAt: t0 + 9 * 3_600_000 });
    expect(waitOf(sampleInput({ track: retrying }))).toBe("a retry, not before 2025-03-04 18:00 UTC");
    const paused = sampleTrack();
    paused.status = "paused";
    expect(waitOf(sampleInput({ track: paused }))).toBe("the track is paused: /dispatch goes on");
  });

  it("shows money spent, reserved and remaining, and the spawn budget", () => {
    expect(listItems(parse(body))).toEqual(
      expect.arrayContaining([
        "Spent: $52.00 of $100.00 (52%)",
        "Reserved: $12.00 for the attempts in flight",
        "Remaining: $36.00 for new dispatches",
        "Spawn budget: 2 of 20 auto-spawned tasks used, 18 left",
      ]),
    );
    const unlimited = sampleTrack();
    unlimited.settings.budgetUsd = null;
    expect(renderDashboard(sampleInput({ track: unlimited }))).toContain(
      "- **Money:** no budget set; $52.00 spent, $12.00 reserved",
    );
  });

  it("shows each gate's target, current value and status", () => {
    expect(cellsOf(body, "Gates")).toEqual([
      ["Gate", "Target", "Current", "Status", "Fix tasks"],
      ["Gate-O", "tests pass", "—", "not measured", "0"],
      ["Gate-I", "≥0.75", "0.61", "fail", "1"],
      ["Gate-S", "N/A", "—", "skipped", "0"],
    ]);
    expect(body).toContain("0 of 2 gates pass.");
  });

  it("puts the stop reason first when the track stopped", () => {
    const track = sampleTrack();
    track.status = "stopped";
    track.stop = { reason: "budget", message: "the budget is spent: $100.00 of $100.00." };
    const stopped = renderDashboard(sampleInput({ track }));
    expect(
      stopped.indexOf("> **Stopped (the budget):** the budget is spent: $100.00 of $100.00."),
    ).toBeLessThan(stopped.indexOf("### Progress"));
    expect(stopped).toContain("· track 12 · stopped");
  });

  it("links runs only inside the track's repository", () => {
    const runOf = (runUrl: string): string => {
      const links = sampleInput().links;
      return renderDashboard(sampleInput({ links: { ...links, T03: { issue: 1, pr: null, runUrl } } }));
    };
    for (const url of [
      "https://github.com/evil/shop/actions/runs/1",
      "javascript:alert(1)",
      "https://github.com/acme/shop/actions/runs/1)](https://evil.example",
      "https://github.com/acme/shop/actions/runs/1 @alice",
      "https://github.com/acme/shop/pull/3",
    ]) {
      expect(runOf(url)).not.toContain(url);
    }
    expect(runOf("https://ghe.example.com:8443/ACME/shop/actions/runs/7/job/8")).toContain(
      "[run](https://ghe.example.com:8443/ACME/shop/actions/runs/7/job/8)",
    );
  });

  it("renders an empty track", () => {
    const track = sampleTrack();
    track.units = {};
    track.runs = {};
    track.gates = [];
    const empty = renderDashboard(sampleInput({ track, links: {} }));
    expect(empty).toContain("No tasks yet.");
    expect(empty).toContain("`░░░░░░░░░░░░░░░░░░░░` — · 0 of 0 tasks done");
    expect(empty).toContain("Nothing ran and nothing is planned.");
  });

  it("is deterministic: the same state and time give the same body", () => {
    expect(renderDashboard(sampleInput())).toBe(body);
  });
});
