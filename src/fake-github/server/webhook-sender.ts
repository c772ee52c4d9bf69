// Deliveries from the fake to the app, as GitHub makes them: a JSON POST signed with the webhook secret
// (X-Hub-Signature-256), an event name and a delivery id. Deliveries go out one at a time, in the order they
// were made, unless a fault plan says otherwise: a test may drop, repeat, hold back (reorder) a delivery, or
// send it to another of the app's instances.

import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

export interface Delivery {
  id: string;
  /** `issues`, `pull_request` … (the X-GitHub-Event header). */
  event: string;
  /** `opened`, `completed` …, when the payload has an action. */
  action: string | null;
  payload: Record<string, unknown>;
}

/** What happens to one delivery: sent to these targets (indexes), in this many copies, or held back. */
export type DeliveryFate =
  | { kind: "send"; targets: number[]; copies?: number }
  | { kind: "drop" }
  | { kind: "hold" };

export type FaultPlan = (delivery: Delivery, index: number) => DeliveryFate;

export interface SentDelivery {
  delivery: Delivery;
  target: number;
  status: number;
  /** Why it did not arrive: a connection refused, a timeout … */
  error?: string;
}

export class WebhookSender {
  readonly made: Delivery[] = [];
  readonly sent: SentDelivery[] = [];
  readonly dropped: Delivery[] = [];
  private held: Delivery[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly idleWaiters: (() => void)[] = [];
  targets: string[] = [];
  fault: FaultPlan = () => ({ kind: "send", targets: [0] });

  /** Told which delivery is being answered (null after it), so requests can be put down to it. */
  onAnswering: (delivery: Delivery | null) => void = () => {};

  constructor(private readonly secret: string) {}

  /** Queues a delivery; it goes out after every delivery queued before it. */
  emit(event: string, payload: Record<string, unknown>): Delivery {
    const action = typeof payload.action === "string" ? payload.action : null;
    const delivery: Delivery = { id: randomUUID(), event, action, payload };
    const index = this.made.length;
    this.made.push(delivery);
    this.enqueue(async () => {
      const fate = this.fault(delivery, index);
      if (fate.kind === "drop") {
        this.dropped.push(delivery);
        return;
      }
      if (fate.kind === "hold") {
        this.held.push(delivery);
        return;
      }
      // To several instances at once, as GitHub's redelivery or two replicas behind a balancer could.
      for (let copy = 0; copy < (fate.copies ?? 1); copy++)
        await Promise.all(fate.targets.map((target) => this.post(delivery, target)));
    });
    return delivery;
  }

  /** Sends the held-back deliveries now, newest first (so they arrive out of order). */
  releaseHeld(target = 0): void {
    const held = this.held.reverse();
    this.held = [];
    for (const delivery of held) this.enqueue(() => this.post(delivery, target));
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Resolves when every queued delivery has been answered. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  private enqueue(job: () => Promise<void>): void {
    this.pending += 1;
    this.queue = this.queue.then(job).finally(() => {
      this.pending -= 1;
      if (this.pending === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
  }

  private async post(delivery: Delivery, target: number): Promise<void> {
    const url = this.targets[target];
    if (url === undefined) {
      this.sent.push({ delivery, target, status: 0, error: "no such app instance" });
      return;
    }
    const body = JSON.stringify(delivery.payload);
    this.onAnswering(delivery);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/fake",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-hub-signature-256": await sign(this.secret, body),
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      this.sent.push({ delivery, target, status: response.status });
    } catch (error) {
      // GitHub gives up on a delivery it cannot make; so does the fake (the app's reconcile must cope).
      this.sent.push({ delivery, target, status: 0, error: String(error) });
    } finally {
      this.onAnswering(null);
    }
  }
}
