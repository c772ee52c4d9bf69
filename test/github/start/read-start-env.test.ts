import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readStartEnv } from "../../../src/github/start/read-start-env.js";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();
const good = { APP_ID: "123", PRIVATE_KEY: rsa, WEBHOOK_SECRET: "s3cret" };
const noFiles = (path: string): string => {
  throw Object.assign(new Error(path), { code: "ENOENT" });
};

const problems = (env: Record<string, string | undefined>, readFile = noFiles) => {
  const result = readStartEnv(env, readFile);
  return result.ok ? [] : result.problems;
};

describe("the environment npm start needs", () => {
  it("accepts Probot's standard settings, with github.com and port 3000 by default", () => {
    expect(readStartEnv(good, noFiles)).toEqual({
      ok: true,
      env: {
        appId: 123,
        privateKey: rsa,
        webhookSecret: "s3cret",
        port: 3000,
        baseUrl: "https://api.github.com",
        writePacing: true,
      },
    });
  });

  it("drops the pacing of writes with WRITE_PACING=off (a GitHub without secondary limits), and refuses other values", () => {
    const off = readStartEnv({ ...good, WRITE_PACING: "off" }, noFiles);
    expect(off.ok && off.env.writePacing).toBe(false);
    const wrong = readStartEnv({ ...good, WRITE_PACING: "fast" }, noFiles);
    expect(wrong).toEqual({ ok: false, problems: ['WRITE_PACING must be github or off, not "fast"'] });
  });

  it("points at another API host with GHE_HOST and GHE_PROTOCOL", () => {
    const result = readStartEnv(
      { ...good, GHE_HOST: "localhost:8080", GHE_PROTOCOL: "http", PORT: "4000" },
      noFiles,
    );
    expect(result.ok && result.env).toMatchObject({ baseUrl: "http://localhost:8080/api/v3", port: 4000 });
  });

  it("reads the key from PRIVATE_KEY_PATH, and a one-line key with \\n escapes", () => {
    const fromPath = readStartEnv(
      { ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "key.pem" },
      () => rsa,
    );
    expect(fromPath.ok && fromPath.env.privateKey).toBe(rsa);
    const oneLine = readStartEnv({ ...good, PRIVATE_KEY: rsa.replace(/\n/g, "\\n") }, noFiles);
    expect(oneLine.ok).toBe(true);
  });

  it("names every missing setting at once", () => {
    expect(problems({})).toEqual([
      "APP_ID is not set: give the GitHub App's id (a number, on the app's settings page)",
      "PRIVATE_KEY or PRIVATE_KEY_PATH is not set: give the app's private key (the .pem file GitHub generated) or its path",
      "WEBHOOK_SECRET is not set: give the webhook secret of the GitHub App, so deliveries can be verified",
    ]);
  });

  it("names each wrong setting and what it must be", () => {
    expect(problems({ ...good, APP_ID: "abc" })).toEqual([
      'APP_ID must be a positive whole number, not "abc"',
    ]);
    expect(problems({ ...good, PORT: "70000" })).toEqual([
      'PORT must be a whole number from 1 to 65535, not "70000"',
    ]);
    expect(problems({ ...good, GHE_PROTOCOL: "ftp" })).toEqual([
      'GHE_PROTOCOL must be https or http, not "ftp"',
    ]);
    expect(problems({ ...good, GHE_HOST: "https://ghe.example.com" })[0]).toContain(
      "GHE_HOST must be a host name",
    );
    expect(problems({ ...good, PRIVATE_KEY: "not a key" })).toEqual([
      "PRIVATE_KEY is not a private key in PEM form (-----BEGIN RSA PRIVATE KEY----- …)",
    ]);
    expect(problems({ ...good, PRIVATE_KEY: ec })).toEqual([
      "PRIVATE_KEY holds an EC key; GitHub App keys are RSA",
    ]);
    expect(problems({ ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "gone.pem" })).toEqual([
      "PRIVATE_KEY_PATH: cannot read gone.pem (ENOENT)",
    ]);
    expect(problems({ ...good, PRIVATE_KEY_PATH: "key.pem" })).toEqual([
      "PRIVATE_KEY and PRIVATE_KEY_PATH are both set: keep one",
    ]);
  });

  it("cuts a huge value in its message", () => {
    const [message] = problems({ ...good, APP_ID: "9".repeat(100_000) });
    expect(message?.length).toBeLessThan(150);
  });
});
