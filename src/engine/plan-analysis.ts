// The result of analysing a plan for `swarm-dispatch plan`: exactly the documented `--json` object (see README,
// "plan --json"), so its field names are a stable interface.

export interface AnalysedTask {
  id: string;
  title: string;
  deps: string[];
  touches: string[];
  effortHours: number;
  model: string;
  costUsd: number;
  mode: "foreground" | "background";
  /** Id of the task's dispatch unit (its parent's id for a subtask, its own otherwise). */
  unit: string;
  status: "todo" | "doing" | "done";
}

export interface PlanAnalysis {
  track: { id: string; title: string };
  tasks: AnalysedTask[];
  /** Units whose prerequisites are done and that are not done themselves, foreground ones included. */
  readySet: string[];
  /** Kahn levels of the units not yet done: shown for comparison with continuous dispatch only. */
  waves: string[][];
  criticalPath: string[];
  criticalPathHours: number;
  serialHours: number;
  /** Makespan of the estimated continuous-dispatch schedule with `agents` agents. */
  parallelHours: number;
  /** Makespan if each wave waited for the previous one to finish (wave barriers). */
  wavesHours: number;
  agents: number;
  /** serialHours / parallelHours (1 when there is no work left). */
  speedup: number;
  costUsd: number;
  /** Unit pairs whose touches overlap, each pair once, in plan order. */
  conflicts: [string, string][];
  /** One entry per dispatch unit not yet done. */
  schedule: { id: string; start: number; end: number; agent: number }[];
}
