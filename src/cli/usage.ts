export const usage = `Usage: swarm-dispatch <command> [options]

Commands:
  plan FILE [--agents N] [--format F] [--json]
      Print the continuous dispatch plan: summary, task registry, ready set, lock plan,
      discoveries, gates, an estimated schedule (Mermaid Gantt) and the dependency graph.
  validate FILE [--format F]
      Check a plan; exit 0 when valid (warnings on stderr), 1 with every error as file:line.

Options:
  --agents N     agents running at once in the estimate (default: the plan's max parallel, else 4)
  --format F     force the plan format: blocks | registry | yaml | checklist (default: detected)
  --json         print one JSON object instead of markdown (see README, "plan --json")
  -h, --help     show this help
  -v, --version  show the version
`;
