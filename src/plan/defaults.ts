// Defaults applied where a plan is silent. Each number is documented in the README ("Plan defaults").

/** Hours per effort size when the plan gives a size without hours (M = 2 h is the stated default). */
export const effortHours = { S: 1, M: 2, L: 6, XL: 16 } as const;

export const defaultEffortSize = "M" as const;

/**
 * USD per agent-hour. Derived from published per-million-token prices (haiku $1 in / $5 out, sonnet $3 / $15,
 * opus $5 / $25) under a stated assumption: one agent-hour reads 1.5 M input tokens and writes 0.1 M output tokens
 * (an agent re-reads its growing context on every turn; caching is ignored, so estimates err high).
 */
export const tokensPerAgentHour = { input: 1_500_000, output: 100_000 } as const;

const pricesPerMillion = {
  haiku: { input: 1, output: 5 },
  sonnet: { input: 3, output: 15 },
  opus: { input: 5, output: 25 },
} as const;

export const defaultModelRates: Record<string, number> = Object.fromEntries(
  Object.entries(pricesPerMillion).map(([model, p]) => [
    model,
    (p.input * tokensPerAgentHour.input + p.output * tokensPerAgentHour.output) / 1_000_000,
  ]),
);

/** Rate for a model the rate table does not know (a warning names the model). */
export const defaultModel = "sonnet";

export const trackDefaults = {
  maxParallel: 4,
  spawnBudget: 20,
  retryLimit: 2,
  scopePolicy: "escalate",
  noProgressLimit: 3,
} as const;

/** The task a gate's gap spawns when the plan names none. */
export const defaultGateFixes: Record<string, string> = {
  "Gate-I": "Improve clarity and remove duplication",
  "Gate-M": "Fix module boundaries",
  "Gate-O": "Fix failing tests and performance gaps",
  "Gate-S": "Simplify: reduce surface and onboarding time",
};

/** A plan may not hold more than this many tasks (hostile input guard; the app caps tracks far lower). */
export const maxTasks = 50_000;
/** Plan text larger than this is refused before parsing. */
export const maxPlanBytes = 5 * 1024 * 1024;
