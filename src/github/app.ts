// The Probot app: webhook handlers turn payloads into engine events and apply the engine's effects through
// Octokit. Handlers land one by one (see the README's "Running the app" for what works today).

import type { Probot } from "probot";

export function swarmDispatchApp(app: Probot): void {
  app.log.info("swarm-dispatch app loaded");
}
