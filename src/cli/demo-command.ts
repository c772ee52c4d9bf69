// `swarm-dispatch demo`: the built-in demo track (fixtures/plans/demo-track.md with fixtures/demo/scenario.json)
// run on the embedded GitHub fake, offline: the real app in its own process, the Action with a scripted agent,
// scripted CI and people. Shows the track as it goes, then writes the dashboard, the final report, a Gantt chart
// and a timeline to the out folder. Exit 0 when the track closed, 1 when it did not (or could not start).

import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readScenario } from "../fake-github/track/scenario.js";
import { runTrackSession, type TrackSessionResult } from "../fake-github/track/track-session.js";
import { parsePlan } from "../plan/parse-plan.js";
import { DemoBoard, type PlannedTask } from "./demo-board.js";
import { demoOutputFiles, recordOf } from "./demo-outputs.js";
import { startProgress } from "./demo-progress.js";
import { appArgsFor, demoInputs, findPackageRoot, isSourceModule, missingDemoFile } from "./demo-root.js";
import { failureText, summaryLines } from "./demo-summary.js";
import { writeOutputFile } from "./files.js";
import { type CliIo, exitCodes } from "./io.js";

export interface DemoOptions {
  /** The folder the outputs go to, created if missing; `swarm-demo` in the current folder by default. */
  out?: string;
  /** Overrides for tests; by default found from this module and the session's own limit. */
  root?: string;
  appArgs?: string[];
  timeoutMs?: number;
}

export const defaultDemoOut = "swarm-demo";
const appTailLines = 40;

export async function runDemo(options: DemoOptions, io: CliIo): Promise<number> {
  const out = options.out ?? defaultDemoOut;
  const fail = (message: string) => {
    io.stderr(`swarm-dispatch demo: ${message}\n`);
    return exitCodes.invalid;
  };
  const root = options.root ?? findPackageRoot(import.meta.url);
  if (root === null) return fail(`cannot find the swarm-dispatch package above ${import.meta.url}`);
  const missing = missingDemoFile(root);
  if (missing !== null) return fail(missing);
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    io.stderr(`swarm-dispatch: cannot create the folder ${out} (--out): ${(error as Error).message}\n`);
    return exitCodes.usage;
  }

  const planFile = join(root, demoInputs.plan);
  const scenarioFile = join(root, demoInputs.scenario);
  const planText = await readFile(planFile, "utf8");
  const { trackName, planned } = planOutline(planText, planFile);
  const scenario = await readScenario(scenarioFile);
  const workDir = await mkdtemp(join(tmpdir(), "swarm-demo-"));
  const started = Date.now();
  const progress = startProgress(new DemoBoard(planned), io, {
    title: `Swarm Dispatch demo — ${trackName}`,
    elapsed: () => Date.now() - started,
    tty: io.isTTY === true,
    ...(io.columns === undefined ? {} : { columns: io.columns }),
  });
  if (io.isTTY !== true)
    io.stdout(`Swarm Dispatch demo — ${trackName}: starting the app on the GitHub fake\n`);

  let result: TrackSessionResult;
  try {
    result = await runTrackSession({
      planText,
      scenario,
      scenarioFile,
      workDir,
      appArgs: options.appArgs ?? appArgsFor(root, isSourceModule(import.meta.url)),
      root,
      onNote: (note) => progress.note(note),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  } catch (error) {
    progress.stop();
    return fail(
      `the session could not run: ${(error as Error).message}\nIts work folder is kept: ${workDir}`,
    );
  }

  // A track that did not close is worth looking into: its work folder stays, and the message says where.
  const keepWorkDir = result.outcome !== "closed";
  try {
    progress.stop();
    const record = recordOf(result);
    const written: string[] = [];
    for (const file of demoOutputFiles(record, trackName)) {
      const path = join(out, file.name);
      const code = await writeOutputFile(path, file.text, io);
      if (code !== exitCodes.ok) return code;
      written.push(path);
    }
    io.stdout(`\n${summaryLines(record, written).join("\n")}\n`);
    if (result.outcome !== "closed") {
      io.stderr(
        failureText({
          record,
          appOutput: result.appOutput,
          runs: result.runner.records,
          workDir,
          appLines: appTailLines,
        }),
      );
      return exitCodes.invalid;
    }
    return exitCodes.ok;
  } finally {
    await result.close();
    if (!keepWorkDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** The track's name and its tasks, for the display; the session validates the plan for real. */
function planOutline(text: string, file: string): { trackName: string; planned: PlannedTask[] } {
  const plan = parsePlan(text, { file }).plan;
  if (!plan) return { trackName: "demo", planned: [] };
  return {
    trackName: plan.track.id,
    planned: plan.tasks
      .filter((task) => task.parent === null)
      .map((task) => ({ id: task.id, done: task.status === "done" })),
  };
}
