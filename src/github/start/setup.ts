// `npm run setup`: the GitHub App manifest flow. Probot serves a page on http://localhost:3000 that creates the
// app on GitHub from `app.yml` (its name, permissions and events) with one click, then writes APP_ID,
// PRIVATE_KEY, WEBHOOK_SECRET and the app's web address into `.env` in this folder. `npm start` reads that file.

import { run } from "probot";
import { swarmDispatchApp } from "../app.js";

if (process.env.NODE_ENV === "production") {
  process.stderr.write("swarm-dispatch: setup runs only outside production (NODE_ENV=production is set)\n");
  process.exit(1);
}
// Without an app id and key Probot starts its setup page instead of the app.
await run(swarmDispatchApp, {
  env: { ...process.env, APP_ID: "", PRIVATE_KEY: "", PRIVATE_KEY_PATH: "" },
});
