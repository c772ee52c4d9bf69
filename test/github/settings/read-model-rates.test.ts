import { describe, expect, it } from "vitest";
import { readSettings, trackModelRates } from "../../../src/github/settings/index.js";
import { defaultModelRates } from "../../../src/plan/defaults.js";

describe("modelRates setting", () => {
  it("merges the file's rates over the default rate table", () => {
    const { settings, problems } = readSettings({ modelRates: { sonnet: 7.5, "local-llm": 0 } });
    expect(problems).toEqual([]);
    expect(settings.modelRates).toEqual({ ...defaultModelRates, sonnet: 7.5, "local-llm": 0 });
  });

  it("keeps the default rate of a model whose rate is wrong, and drops a new model's", () => {
    const { settings, problems } = readSettings({ modelRates: { sonnet: "$7", opus: -1, mine: 1e9, ok: 3 } });
    expect(settings.modelRates).toEqual({ ...defaultModelRates, ok: 3 });
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      [
        "modelRates.sonnet",
        'expected USD per agent-hour from 0 to 10000, got "$7" (write the number alone); keeping the default 6',
      ],
      ["modelRates.opus", "expected USD per agent-hour from 0 to 10000, got -1; keeping the default 10"],
      ["modelRates.mine", "expected USD per agent-hour from 0 to 10000, got 1000000000; ignored"],
    ]);
  });

  it("refuses a rate table that is not a mapping", () => {
    const { settings, problems } = readSettings({ modelRates: [["sonnet", 1]] });
    expect(settings.modelRates).toEqual(defaultModelRates);
    expect(problems[0]).toMatchObject({
      path: "modelRates",
      message: expect.stringMatching(/got a list of 1 item/),
    });
  });
});

describe("trackModelRates", () => {
  it("puts a plan's own rates over the repository's, and the repository's over the defaults", () => {
    const repo = { ...defaultModelRates, sonnet: 8, local: 1 };
    const plan = { ...defaultModelRates, opus: 12, local: 2 };
    expect(trackModelRates(plan, repo)).toEqual({ ...defaultModelRates, sonnet: 8, opus: 12, local: 2 });
  });
});
