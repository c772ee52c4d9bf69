import { describe, expect, it } from "vitest";
import { appTokens, fixedToken, givenTokenMs, renewedToken } from "../../src/action/token-source.js";
import { testPrivateKey } from "../support/github/probot-harness.js";
import { useStrictNock } from "../support/github/strict-nock.js";

const strict = useStrictNock();
const hour = 3_600_000;

function mockInstallation(expiresAt: (call: number) => number) {
  let calls = 0;
  const github = strict().scope();
  github.get("/repos/acme/shop/installation").reply(200, { id: 4242, account: { login: "acme" } });
  github
    .persist()
    .post("/app/installations/4242/access_tokens")
    .reply(201, () => {
      calls += 1;
      return { token: `ghs_minted_${calls}`, expires_at: new Date(expiresAt(calls)).toISOString() };
    });
  return { calls: () => calls };
}

/** The App (id 123, a test key) minting for acme/shop through the strict nock. */
function tokensOf(now: () => number) {
  const repository = { owner: "acme", repo: "shop" };
  const request = { fetch: globalThis.fetch };
  return appTokens({
    appId: "123",
    privateKey: testPrivateKey(),
    repository,
    baseUrl: "https://api.github.com",
    request,
    now,
  });
}

describe("the Action's tokens", () => {
  it("are minted for the repository's installation from the App's key, and renewed before they expire", async () => {
    let now = Date.UTC(2026, 11, 6, 12);
    const minted = mockInstallation((call) => now + hour + call);
    const tokens = tokensOf(() => now);
    expect(await tokens.token()).toBe("ghs_minted_1");
    now += 30 * 60_000;
    expect(await tokens.token()).toBe("ghs_minted_1");
    now += 25 * 60_000;
    expect(await tokens.token()).toBe("ghs_minted_2");
    expect(minted.calls()).toBe(2);
    expect(tokens.issued).toEqual(["ghs_minted_1", "ghs_minted_2"]);
    const jwt = strict().requests.find((request) => request.url.endsWith("/installation"));
    expect(jwt?.check.ok).toBe(true);
  });

  it("say clearly when the App is not installed on the repository", async () => {
    strict().scope().get("/repos/acme/shop/installation").reply(404, { message: "Not Found" });
    const tokens = tokensOf(Date.now);
    await expect(tokens.token()).rejects.toThrow("the App is not installed on acme/shop");
  });

  it("start with the workflow's token and switch to the App's own ones once it is old", async () => {
    let now = 0;
    const app = fixedToken("ghs_from_app");
    const tokens = renewedToken("ghs_from_workflow", app, () => now);
    expect(await tokens.token()).toBe("ghs_from_workflow");
    now = givenTokenMs + 1;
    expect(await tokens.token()).toBe("ghs_from_app");
    expect(tokens.issued).toEqual(["ghs_from_workflow", "ghs_from_app"]);
  });
});
