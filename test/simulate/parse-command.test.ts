import { describe, expect, it } from "vitest";
import { commandText, parseCommand } from "../../src/simulate/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["/dispatch", { type: "dispatch", task: null }],
    ["/dispatch T03", { type: "dispatch", task: "T03" }],
    ["  /PAUSE ", { type: "pause" }],
    ["/resume", { type: "resume" }],
    ["/retry T03", { type: "retry", task: "T03" }],
    ["/cancel", { type: "cancel", task: null }],
    ["/cancel T04", { type: "cancel", task: "T04" }],
    ["/unlock T04", { type: "unlock", task: "T04" }],
    ["/answer T04 Use a one hour TTL.", { type: "answer", task: "T04", text: "Use a one hour TTL." }],
    ["/budget 100", { type: "set-budget", usd: 100, spawn: null }],
    ["/budget $12.50", { type: "set-budget", usd: 12.5, spawn: null }],
    ["/budget spawn 5", { type: "set-budget", usd: null, spawn: 5 }],
    ["/budget $100 spawn 5", { type: "set-budget", usd: 100, spawn: 5 }],
  ])("reads %s", (line, command) => {
    expect(parseCommand(line)).toEqual({ command });
  });

  it.each([
    ["budget 100", "a command starts with /"],
    ["/retry", "/retry needs a task id"],
    ["/retry T1 T2", "/retry takes one task id"],
    ["/pause now", "/pause takes nothing after it"],
    ["/answer T04", "/answer T04 needs the answer"],
    ["/budget", "/budget needs $N or spawn N"],
    ["/budget lots", '/budget takes $N and spawn N, got "lots"'],
    ["/budget spawn -1", "/budget spawn needs a whole number"],
    ["/launch T1", "unknown command /launch"],
  ])("refuses %s", (line, message) => {
    const parsed = parseCommand(line);
    expect("error" in parsed && parsed.error).toContain(message);
  });

  it("writes each command back as a person would type it", () => {
    for (const line of ["/dispatch T03", "/pause", "/retry T03", "/answer T04 yes", "/budget $100 spawn 5"]) {
      const parsed = parseCommand(line);
      expect("command" in parsed && commandText(parsed.command)).toBe(line);
    }
  });
});
