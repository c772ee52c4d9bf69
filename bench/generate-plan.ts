// Deterministic generator of large plans for the plan benchmark: a random DAG (each task waits for up to three
// recent tasks), touches spread over a few thousand files and folders so lock conflicts occur but are not the
// rule, efforts from S to XL. The same seed always gives the same text.

import { seededRandom } from "../src/engine/seeded-random.js";

export interface GeneratedTask {
  id: string;
  deps: string[];
  touches: string[];
  effort: string;
  model: string;
}

export function generateTasks(count: number, seed = 1): GeneratedTask[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tasks: GeneratedTask[] = [];
  for (let i = 0; i < count; i++) {
    const deps = new Set<string>();
    const fanIn = Math.floor(random() * 4);
    for (let d = 0; d < fanIn && i > 0; d++) deps.add(`T${Math.max(0, i - 1 - Math.floor(random() * 50))}`);
    const module = Math.floor(random() * (count / 4));
    const touches =
      random() < 0.05
        ? [`src/module-${module}/`]
        : [`src/module-${module}/file-${i % 7}.ts`, `test/module-${i}.test.ts`];
    tasks.push({
      id: `T${i}`,
      deps: [...deps],
      touches,
      effort: pick(["S", "M", "L", "XL", "3h", "90min"]),
      model: pick(["haiku", "sonnet", "opus"]),
    });
  }
  return tasks;
}

export function toYaml(tasks: readonly GeneratedTask[]): string {
  const lines = ["track: { id: bench, title: Generated benchmark plan, maxParallel: 8 }", "tasks:"];
  for (const t of tasks) {
    lines.push(
      `  - { id: ${t.id}, title: Task ${t.id}, model: ${t.model}, effort: "${t.effort}", deps: [${t.deps.join(", ")}], touches: [${t.touches.join(", ")}] }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function toRegistry(tasks: readonly GeneratedTask[]): string {
  const lines = [
    "# Continuous Dispatch Plan — bench",
    "",
    "| Task | Role | Model | Concurrency | Mode | Effort | Deps | Touches |",
    "|------|------|-------|-------------|------|--------|------|---------|",
  ];
  for (const t of tasks) {
    const touches = t.touches.map((touch) => `\`${touch}\``).join(", ");
    lines.push(
      `| ${t.id} | Implementer | ${t.model} | write-local | BG | ${t.effort} | ${t.deps.join(", ") || "-"} | ${touches} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function toBlocks(tasks: readonly GeneratedTask[]): string {
  const lines = ["# Implementation Plan — bench", "", "**Track:** bench", ""];
  for (const t of tasks) {
    lines.push(
      `- [ ] **${t.id}**: Task ${t.id}`,
      "  - **Owner role:** Implementer",
      `  - **Depends on:** ${t.deps.join(", ") || "None"}`,
      `  - **Touches:** ${t.touches.map((touch) => `\`${touch}\``).join(", ")}`,
      `  - **Model:** ${t.model}`,
      `  - **Effort:** ${t.effort}`,
      "",
    );
  }
  return `${lines.join("\n")}\n`;
}
