// The settings `npm start` needs, read from the environment under Probot's standard names and checked before the
// server starts: a missing or wrong one stops the start with a message naming it, instead of Probot's setup mode
// (which would quietly serve an app-registration page) or a failure at the first webhook.

import { createPrivateKey } from "node:crypto";

export interface StartEnv {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  /** `https://api.github.com`, or `<protocol>://<GHE_HOST>/api/v3`. */
  baseUrl: string;
  /** Whether writes are paced as github.com asks (WRITE_PACING=github, the default) or not (off). */
  writePacing: boolean;
}

export type EnvResult = { ok: true; env: StartEnv } | { ok: false; problems: string[] };

/** `readFile` reads PRIVATE_KEY_PATH (passed in, so the check itself touches no file system). */
export function readStartEnv(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): EnvResult {
  const problems: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID)
    problems.push("APP_ID is not set: give the GitHub App's id (a number, on the app's settings page)");
  else if (!Number.isSafeInteger(appId) || appId <= 0)
    problems.push(`APP_ID must be a positive whole number, not "${clip(env.APP_ID)}"`);

  const privateKey = readKey(env, readFile, problems);

  const webhookSecret = env.WEBHOOK_SECRET ?? "";
  if (webhookSecret === "")
    problems.push(
      "WEBHOOK_SECRET is not set: give the webhook secret of the GitHub App, so deliveries can be verified",
    );

  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`PORT must be a whole number from 1 to 65535, not "${clip(env.PORT ?? "")}"`);

  const protocol = env.GHE_PROTOCOL || "https";
  if (protocol !== "https" && protocol !== "http")
    problems.push(`GHE_PROTOCOL must be https or http, not "${clip(protocol)}"`);
  const host = env.GHE_HOST ?? "";
  if (host !== "" && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
    problems.push(
      `GHE_HOST must be a host name with an optional port (github.example.com, localhost:8080), not "${clip(host)}"`,
    );
  const pacing = env.WRITE_PACING || "github";
  if (pacing !== "github" && pacing !== "off")
    problems.push(`WRITE_PACING must be github or off, not "${clip(pacing)}"`);
  const baseUrl = host === "" ? "https://api.github.com" : `${protocol}://${host}/api/v3`;

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    env: {
      appId,
      privateKey: privateKey as string,
      webhookSecret,
      port,
      baseUrl,
      writePacing: pacing !== "off",
    },
  };
}

function readKey(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
  problems: string[],
): string | null {
  const inline = env.PRIVATE_KEY ?? "";
  const path = env.PRIVATE_KEY_PATH ?? "";
  if (inline !== "" && path !== "") {
    problems.push("PRIVATE_KEY and PRIVATE_KEY_PATH are both set: keep one");
    return null;
  }
  if (inline === "" && path === "") {
    problems.push(
      "PRIVATE_KEY or PRIVATE_KEY_PATH is not set: give the app's private key (the .pem file GitHub generated) or its path",
    );
    return null;
  }
  let key = inline.replace(/\\n/g, "\n");
  const name = path !== "" ? "PRIVATE_KEY_PATH" : "PRIVATE_KEY";
  if (path !== "") {
    try {
      key = readFile(path);
    } catch (error) {
      problems.push(
        `PRIVATE_KEY_PATH: cannot read ${clip(path)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
      return null;
    }
  }
  try {
    const parsed = createPrivateKey(key);
    if (parsed.asymmetricKeyType !== "rsa") {
      problems.push(
        `${name} holds an ${String(parsed.asymmetricKeyType).toUpperCase()} key; GitHub App keys are RSA`,
      );
      return null;
    }
  } catch {
    problems.push(`${name} is not a private key in PEM form (-----BEGIN RSA PRIVATE KEY----- …)`);
    return null;
  }
  return key;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
