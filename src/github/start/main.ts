// `npm start`: check the environment (a `.env` file in the working folder is read first, as Probot does), then
// run the app as a Probot server. A bad setting ends the process with exit code 1 and a line per problem.

import { existsSync, readFileSync } from "node:fs";
import { run } from "probot";
import { swarmDispatchApp } from "../app.js";
import { AppOctokit, UnpacedAppOctokit } from "./app-octokit.js";
import { readStartEnv } from "./read-start-env.js";

if (existsSync(".env")) process.loadEnvFile(".env");
const result = readStartEnv(process.env, (path) => readFileSync(path, "utf8"));
if (!result.ok) {
  for (const problem of result.problems) process.stderr.write(`swarm-dispatch: ${problem}\n`);
  process.stderr.write('swarm-dispatch: not started; see the README, section "Running the app"\n');
  process.exit(1);
}
const { env } = result;
await run(swarmDispatchApp, {
  Octokit: env.writePacing ? AppOctokit : UnpacedAppOctokit,
  env: {
    ...process.env,
    APP_ID: String(env.appId),
    PRIVATE_KEY: env.privateKey,
    PRIVATE_KEY_PATH: "",
    WEBHOOK_SECRET: env.webhookSecret,
    PORT: String(env.port),
  },
});
