// The agent's default time limit: twice the task's estimated hours (agents overrun estimates, and a limit that
// kills honest work costs more than one that waits), within 15 minutes and 5 hours. The workflow's own job limit
// sits above the maximum, so this limit and its final checkpoint always come first.

export const minMinutes = 15;
export const maxMinutes = 300;

export function timeLimitMinutes(taskHours: readonly number[]): number {
  const hours = taskHours.reduce((sum, value) => sum + (Number.isFinite(value) && value > 0 ? value : 0), 0);
  return Math.min(maxMinutes, Math.max(minMinutes, Math.round(hours * 2 * 60)));
}
