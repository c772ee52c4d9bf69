// Which model runs a task, and what an hour of it costs. `auto` (or no model) follows the routing rules users of
// the plan template already know: read-only work → haiku, security and audits → opus, an architect who needs a
// person's input → opus, everything else → sonnet.

import { defaultModel } from "./defaults.js";

export interface ModelInput {
  model: string | null;
  role: string | null;
  concurrency: string;
  needsUserInput: boolean;
}

export function resolveModel(task: ModelInput): string {
  const written = task.model?.trim();
  if (written && written.toLowerCase() !== "auto") return written;
  const role = task.role ?? "";
  if (task.concurrency === "read-only") return "haiku";
  if (/secur|audit/i.test(role)) return "opus";
  if (/architect/i.test(role) && task.needsUserInput) return "opus";
  return defaultModel;
}

/**
 * The hourly rate of a model: an exact name in the rate table first, then a known family in the name
 * (`claude-sonnet-4-5` → sonnet). `known` is false when neither matched and the default rate was used.
 */
export function modelRate(model: string, rates: Record<string, number>): { rate: number; known: boolean } {
  const exact = rates[model] ?? rates[model.toLowerCase()];
  if (exact !== undefined) return { rate: exact, known: true };
  const lower = model.toLowerCase();
  for (const [name, rate] of Object.entries(rates)) {
    if (lower.includes(name.toLowerCase())) return { rate, known: true };
  }
  return { rate: rates[defaultModel] ?? 0, known: false };
}
