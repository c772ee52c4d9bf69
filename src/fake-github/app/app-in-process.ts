// The app in this process, against one endpoint of the fake: the same app function and Probot as `npm start`,
// with retry and throttling off (the fake answers at once; a request into a killed endpoint should fail now, not
// after backoffs), served on its own port. Several of them make the replicas of a race; killing one cuts both
// its API endpoint and its webhook port, like a process that died.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createSwarmDispatchApp } from "../../github/app.js";
import type { AppOptions } from "../../github/app-options.js";
import { closable } from "../server/closable-server.js";
import type { Endpoint, FakeGitHub } from "../server/fake-github.js";
import { appKey } from "./app-process.js";

export interface AppInstance {
  name: string;
  webhookUrl: string;
  endpoint: Endpoint;
  /** Kills it: the API endpoint and the webhook port close at once, mid-request if need be. */
  kill(): void;
  readonly killed: boolean;
}

const QuietOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));

let key: string | undefined;

export async function startAppInProcess(
  fake: FakeGitHub,
  name: string,
  options: Partial<AppOptions> = {},
): Promise<AppInstance> {
  key ??= appKey();
  const endpoint = await fake.endpoint(name);
  const probot = new Probot({
    appId: 123456,
    privateKey: key,
    secret: fake.options.webhookSecret,
    baseUrl: `${endpoint.url}/api/v3`,
    logLevel: "fatal",
    Octokit: QuietOctokit,
  });
  const app = createSwarmDispatchApp({ owner: name, reconcile: () => {}, ...options });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: "/api/github/webhooks" });
  const server: Server = createServer((request, response) => {
    void Promise.resolve(middleware(request, response)).then((handled) => {
      if (handled === false && !response.headersSent) {
        response.writeHead(404);
        response.end();
      }
    });
  });
  const shut = closable(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  let killed = false;
  const instance: AppInstance = {
    name,
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    endpoint,
    kill() {
      if (killed) return;
      killed = true;
      endpoint.kill();
      shut();
    },
    get killed() {
      return killed || endpoint.killed;
    },
  };
  endpoint.onKill(() => instance.kill());
  return instance;
}
