// The report template the Action puts in the agent's brief: a short version of the swarm-iosm subagent report
// with exactly the lines and sections parseReport reads, filled with example values so an agent sees each shape
// once. The instructions are HTML comments, which the parser skips, so a report that keeps them reads the same.
// A test parses this text and checks every field, so the template and the parser cannot drift apart.

export const reportTemplate = `# Report: T04 — Use the cache in the chart endpoint

**Status:** done
**Subtasks done:** T04.1, T04.2
**Cost:** $1.23

<!-- Status: done (the work is complete), partial (you stopped at a safe point), failed, or needs input (you ask a person below). Subtasks done: the subtasks of this task you finished, or none. Cost: what this attempt cost in US dollars; leave the line out when you do not know. -->

## Summary

What you did and why, in a few short paragraphs or a list.

## Files Touched

### Touches Planned

\`\`\`
backend/api/natal.py
\`\`\`

### Touches Actual

\`\`\`
backend/api/natal.py
backend/tests/test_natal_api.py
\`\`\`

<!-- Touches Planned: the touches of your brief. Touches Actual: every file you changed, one path per line, relative to the repository root. -->

## SpawnCandidates

| ID | Subtask | Touches | Effort | User Input | Severity | Dedup Key | Accept Criteria |
|----|---------|---------|--------|------------|----------|-----------|-----------------|
| SC-01 | Add an index on planets.sign | \`backend/models/planet.py\` | S | false | low | \`planet.py\\|index\` | Chart query under 50 ms |

<!-- Follow-up work you found and did not do, one row each, at most 20. Touches: the paths it would change, each in backticks. Effort: S, M, L, XL or hours (3h). User Input: true when a person must decide first. Severity: low, medium, high or critical (critical stops the track). Write a | inside a cell as \\|. When you found nothing, replace the table with: None identified. -->

## Escalation Requests

### E-01: How long may a cached chart live?

**Context:** Birth data never changes, but the chart rules may.
**Question:** Should cached charts expire after 24 hours, or never?
**Options:**
1. 24 hours: charts follow rule changes within a day
2. Never: fewer database calls

<!-- Questions only a person can answer, each under its own ### E-NN heading, at most 20. When there are none, write: None -->

## Metrics

| Metric | Value |
|--------|-------|
| coverage | 0.87 |
| p95_latency_ms | 180 |

## Handoff Notes

What the next task needs to know: decisions made, traps, follow-ups.
`;
