// What an attempt cost: the report's own figure, or the agent's JSON result where it prints one (Claude Code's
// `--output-format json` ends with an object holding `total_cost_usd`). The output is the agent's, hence hostile:
// only a finite, non-negative number below a sanity cap is taken.

/** More than this for one attempt is not a cost but a mistake. */
export const maxCostUsd = 100_000;

const costKeys = ["total_cost_usd", "cost_usd", "costUsd"];

export function agentCost(reported: number | null, stdoutTail: string): number | null {
  if (valid(reported)) return reported;
  const lines = stdoutTail.split("\n");
  for (let index = lines.length - 1; index >= 0 && index >= lines.length - 200; index--) {
    const line = (lines[index] ?? "").trim();
    if (!line.startsWith("{") || !line.endsWith("}") || line.length > 200_000) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== "object" || value === null) continue;
      for (const key of costKeys) {
        const cost = (value as Record<string, unknown>)[key];
        if (valid(cost)) return cost;
      }
    } catch {
      // Not JSON: the agent's prose.
    }
  }
  return null;
}

function valid(cost: unknown): cost is number {
  return typeof cost === "number" && Number.isFinite(cost) && cost >= 0 && cost <= maxCostUsd;
}
