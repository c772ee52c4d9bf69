// A GitHub that keeps state, on loopback: the in-memory repository model (RepoWorld) for issues, labels,
// comments, checks, runs and the state document; a real bare git repository for branches, pull request files
// and merges; installation tokens; and signed webhooks to the app for what happens in it. Every request it serves
// is checked against GitHub's REST description and every webhook against the webhook schemas; a request it does
// not know is answered 599 and listed in `problems`, which a test fails on. Used by the end-to-end tests, the
// fault tests, the demo and the API benchmark, never by the app itself.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BareRepo } from "../git/bare-repo.js";
import { checkRequest } from "../openapi-check.js";
import { appBot, RepoWorld, type WorldOptions, type WorldUser } from "../repo-world.js";
import type { Answer, Body } from "../repo-world-route.js";
import { checkWebhook } from "../webhooks/webhook-check.js";
import { closable } from "./closable-server.js";
import { FakeEvents } from "./fake-events.js";
import { gitRoute, refreshPull } from "./git-routes.js";
import type { ServedRequest } from "./served-request.js";
import { WebhookSender } from "./webhook-sender.js";

export interface FakeGitHubOptions extends WorldOptions {
  /** Where the bare repository goes (a fresh temporary folder). */
  dir: string;
  /** The files of `main`'s first commit. */
  files: Record<string, string>;
  webhookSecret: string;
}

export interface Endpoint {
  name: string;
  url: string;
  /** Closes it at once, dropping every open connection: the app instance behind it is gone. */
  kill(): void;
  /** Kills it right after it has answered its `n`-th write of the state document (counted from now). */
  killAfterStateWrites(n: number): void;
  readonly killed: boolean;
  /** Called once it is killed (the app instance behind it then stops taking webhooks too). */
  onKill(listener: () => void): void;
}

const apiRoot = "/api/v3";
const maxBody = 10 * 1024 * 1024;

export class FakeGitHub {
  readonly world: RepoWorld;
  readonly webhooks: WebhookSender;
  readonly events: FakeEvents;
  readonly requests: ServedRequest[] = [];
  /** Everything that should fail a test: requests outside the REST description, unknown endpoints, webhooks
   *  outside their schema, runner failures. */
  readonly problems: string[] = [];
  git!: BareRepo;
  private readonly servers: { endpoint: Endpoint; server: Server }[] = [];
  private readonly tokens = new Map<string, { user: WorldUser; client: "app" | "action" }>();
  private readonly started = Date.now();
  private during = "background";
  private tokenCount = 0;

  private constructor(readonly options: FakeGitHubOptions) {
    this.world = new RepoWorld(options);
    this.webhooks = new WebhookSender(options.webhookSecret);
    this.events = new FakeEvents(this);
    this.webhooks.onAnswering = (delivery) => {
      this.during = delivery
        ? `${delivery.event}${delivery.action ? `.${delivery.action}` : ""}`
        : "background";
    };
  }

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    const files = { ...options.files };
    if (options.settings) files[".github/swarm-dispatch.yml"] = options.settings;
    fake.git = await BareRepo.create(options.dir, files);
    for (const [name, sha] of await fake.git.refs()) fake.world.refs.set(name, sha);
    const main = await fake.endpoint("main");
    fake.world.apiBase = `${main.url}${apiRoot}`;
    await fake.git.onPush(pushHook(`${main.url}/_fake/push`));
    return fake;
  }

  /** `127.0.0.1:port` of the main endpoint: what GHE_HOST takes. */
  get host(): string {
    return new URL(this.url).host;
  }

  get url(): string {
    return (this.servers[0] as { endpoint: Endpoint }).endpoint.url;
  }

  get apiUrl(): string {
    return `${this.url}${apiRoot}`;
  }

  /** A token for the repository's installation, as the App (or the Action, in a runner) would get. */
  mintToken(client: "app" | "action", user: WorldUser = appBot): string {
    const token = `ghs_fake${String(++this.tokenCount).padStart(6, "0")}`;
    this.tokens.set(token, { user, client });
    return token;
  }

  /** Another port onto the same GitHub, for one app instance: killing it cuts that instance off. */
  async endpoint(name: string): Promise<Endpoint> {
    let stateWritesLeft = Number.POSITIVE_INFINITY;
    const server = createServer((request, response) => {
      this.serve(request, response, endpoint, () => {
        stateWritesLeft -= 1;
        if (stateWritesLeft <= 0) setImmediate(() => endpoint.kill());
      }).catch((error: unknown) => {
        // A fault of the fake itself (a webhook its world cannot describe, git refusing): loud, and a 500.
        this.problems.push(`the fake failed on ${request.method} ${request.url}: ${String(error)}`);
        if (!response.headersSent && !response.destroyed) {
          response.writeHead(500, { "content-type": "application/json" });
          response.end(JSON.stringify({ message: "the GitHub fake failed; see its problems" }));
        }
      });
    });
    const shut = closable(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    let killed = false;
    const killListeners: (() => void)[] = [];
    const endpoint: Endpoint = {
      name,
      url: `http://127.0.0.1:${port}`,
      kill() {
        if (killed) return;
        killed = true;
        shut();
        for (const listener of killListeners.splice(0)) listener();
      },
      onKill(listener) {
        killListeners.push(listener);
      },
      killAfterStateWrites(n) {
        stateWritesLeft = n;
      },
      get killed() {
        return killed;
      },
    };
    this.servers.push({ endpoint, server });
    return endpoint;
  }

  /** Where the app's webhooks go, one URL per app instance. */
  deliverTo(urls: string[]): void {
    this.webhooks.targets = urls;
  }

  /** Stops serving and waits for nothing more: runs still going are the runner's to stop. */
  async close(): Promise<void> {
    for (const { endpoint } of this.servers) endpoint.kill();
  }

  /** Fails with every problem seen. */
  assertClean(): void {
    const all = [...this.problems, ...this.world.unknown.map((request) => `unknown endpoint: ${request}`)];
    if (all.length > 0)
      throw new Error(`the GitHub fake saw ${all.length} problem(s):\n  - ${all.join("\n  - ")}`);
  }

  /** Emits a webhook, after checking it against GitHub's webhook schemas. */
  emit(name: string, payload: Record<string, unknown>): void {
    const checked = checkWebhook(name, payload);
    if (!checked.ok) this.problems.push(`webhook ${name} outside its schema: ${checked.reason}`);
    this.webhooks.emit(name.split(".")[0] as string, payload);
  }

  private async serve(
    request: IncomingMessage,
    response: ServerResponse,
    endpoint: Endpoint,
    stateWritten: () => void,
  ): Promise<void> {
    const send = (answer: Answer) => {
      const [status, body, headers = {}] = answer;
      if (response.destroyed) return;
      const text = typeof body === "string" ? body : JSON.stringify(body);
      response.writeHead(status, {
        "content-type":
          typeof body === "string" && status < 300 ? "text/plain" : "application/json; charset=utf-8",
        ...headers,
      });
      response.end(status === 204 ? undefined : text);
    };
    let raw: string;
    try {
      raw = await readBody(request);
    } catch (error) {
      send([413, { message: String(error) }]);
      return;
    }
    const url = new URL(request.url ?? "/", "http://fake");
    const method = (request.method ?? "GET").toUpperCase();
    if (url.pathname === "/_fake/push" && method === "POST") {
      await this.events.pushed(raw);
      send([200, { ok: true }]);
      return;
    }
    if (!url.pathname.startsWith(`${apiRoot}/`)) {
      this.problems.push(`request outside the API root: ${method} ${url.pathname}`);
      send([404, { message: "Not Found" }]);
      return;
    }
    const path = url.pathname.slice(apiRoot.length);
    const check = checkRequest({ method, url: `${path}${url.search}`, body: raw });
    const record: ServedRequest = {
      method,
      path,
      template: check.ok ? check.template : path,
      status: 0,
      at: Date.now() - this.started,
      endpoint: endpoint.name,
      during: this.during,
      client: "none",
    };
    this.requests.push(record);
    if (!check.ok) {
      this.problems.push(`not in GitHub's REST description: ${check.reason}`);
      record.status = 400;
      send([400, { message: `not in GitHub's REST description: ${check.reason}` }]);
      return;
    }
    const answer = await this.answer(method, path, url.searchParams, raw, request, record);
    record.status = answer[0];
    send(answer);
    if (method === "PUT" && path.endsWith("/contents/state.json") && answer[0] < 300) stateWritten();
  }

  private async answer(
    method: string,
    path: string,
    query: URLSearchParams,
    raw: string,
    request: IncomingMessage,
    record: ServedRequest,
  ): Promise<Answer> {
    const authorization = String(request.headers.authorization ?? "");
    if (/^\/app\/installations\/\d+\/access_tokens$/.test(path) && method === "POST") {
      if (!/^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(authorization))
        return [401, { message: "A JSON web token could not be decoded" }];
      return [
        201,
        {
          token: this.mintToken("app"),
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: {
            issues: "write",
            contents: "write",
            actions: "write",
            checks: "write",
            metadata: "read",
          },
          repository_selection: "selected",
        },
      ];
    }
    const token = /^(?:token|bearer) (\S+)$/i.exec(authorization)?.[1] ?? "";
    const holder = this.tokens.get(token);
    const sender = holder?.user;
    record.client = holder?.client ?? (token.includes(".") ? "app" : "none");
    if (path.startsWith("/app/")) {
      if (!token.includes(".")) return [401, { message: "A JSON web token is required" }];
    } else if (sender === undefined) {
      return [401, { message: "Bad credentials" }];
    }
    let body: Body;
    try {
      body = raw === "" ? {} : (JSON.parse(raw) as Body);
    } catch {
      return [400, { message: "Problems parsing JSON" }];
    }
    const base = `/repos/${this.world.owner}/${this.world.repo}`;
    const who = sender ?? appBot;
    if (path.startsWith(`${base}/`)) {
      const rest = path.slice(base.length);
      const before = this.events.before(method, rest);
      const special = await gitRoute(this.world, this.git, this.events, method, rest, body, who);
      const answer =
        special ??
        ((await this.world.answer(
          method,
          path,
          query,
          body,
          String(request.headers.accept ?? ""),
        )) as Answer);
      if (answer[0] < 300) await this.events.after(method, rest, before, answer, who);
      return answer;
    }
    return (await this.world.answer(
      method,
      path,
      query,
      body,
      String(request.headers.accept ?? ""),
    )) as Answer;
  }

  /** Reads every open pull request's head, files and mergeability again (after a branch moved). */
  async refreshPulls(branch: string): Promise<string[]> {
    const moved: string[] = [];
    for (const pull of this.world.pulls.values()) {
      if (pull.state !== "open" || (pull.branch !== branch && pull.base !== branch)) continue;
      const before = pull.headSha;
      await refreshPull(this.git, pull);
      if (pull.headSha !== before) moved.push(String(pull.number));
    }
    return moved;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        reject(new Error("request body over 10 MB"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The bare repository's post-receive hook: tells the fake which refs a push moved, and waits for it. */
function pushHook(url: string): string {
  const script = `let s="";process.stdin.on("data",d=>s+=d).on("end",async()=>{await fetch(${JSON.stringify(url)},{method:"POST",body:s});});`;
  return `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -e ${shellQuote(script)}\n`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
