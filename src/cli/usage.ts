export const usage = `Usage: swarm-dispatch <command> [options]

Commands:
  plan FILE [--agents N] [--format F] [--json]
      Print the continuous dispatch plan: summary, task registry, ready set, lock plan,
      discoveries, gates, an estimated schedule (Mermaid Gantt) and the dependency graph.
  validate FILE [--format F]
      Check a plan; exit 0 when valid (warnings on stderr), 1 with every error as file:line.
  simulate FILE [--agents N] [--seed S] [--noise F] [--scenario S.yaml] [--svg out.svg] [--json]
      Run the plan through the track engine on a virtual clock with simulated agents: timeline,
      makespan, utilisation, lower bound, wave-barrier and FIFO baselines, Gantt chart.
  demo [--out DIR]
      Run the built-in demo track (demo-add-caching) end to end on an embedded GitHub fake, offline,
      in about 30 s: the real app, the Action with a scripted agent, scripted CI and people. Shows
      each task as it goes, then writes dashboard.md, final-report.md, gantt.svg and timeline.md to
      DIR. Exit 0 when the track closed, 1 when it did not (the app's last output on stderr).

Options:
  --agents N       agents running at once (default: the plan's max parallel, else 4)
  --format F       force the plan format: blocks | registry | yaml | checklist | stg | wfcommons
                   (default: detected)
  --json           print one JSON object instead of markdown (see README, "plan --json", "simulate --json")
  --seed S         simulate: seed of the noise, a whole number (default 1)
  --noise F        simulate: each attempt takes its estimate × a factor within ±F, 0 to 1 (default 0)
  --scenario FILE  simulate: what agents and people do (docs/scenario.md)
  --svg FILE       simulate: also write the Gantt chart as SVG to FILE
  --out DIR        demo: the folder for its outputs, created if missing (default ./swarm-demo)
  -h, --help       show this help
  -v, --version    show the version
`;

/** A wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
