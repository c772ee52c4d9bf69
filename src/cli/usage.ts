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

Options:
  --agents N       agents running at once (default: the plan's max parallel, else 4)
  --format F       force the plan format: blocks | registry | yaml | checklist | stg | wfcommons
                   (default: detected)
  --json           print one JSON object instead of markdown (see README, "plan --json", "simulate --json")
  --seed S         simulate: seed of the noise, a whole number (default 1)
  --noise F        simulate: each attempt takes its estimate × a factor within ±F, 0 to 1 (default 0)
  --scenario FILE  simulate: what agents and people do (docs/scenario.md)
  --svg FILE       simulate: also write the Gantt chart as SVG to FILE
  -h, --help       show this help
  -v, --version    show the version
`;

/** A wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
