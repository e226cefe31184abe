import type { Probot } from 'probot';
import type { Log } from '../pipeline/run-job.js';
import { verifiedPayload } from './verified-payload.js';

type Webhooks = Probot['webhooks'];
type Delivery = Parameters<Webhooks['verifyAndReceive']>[0];
type Received = Parameters<Webhooks['receive']>[0];

export interface AckFirst {
  /** Deliveries acknowledged but not yet handed to the handlers, plus those being handled. */
  readonly pending: number;
  /** Resolves once every acknowledged delivery has been handled (shutdown, tests). */
  idle(): Promise<void>;
}

export interface AckFirstOptions {
  /** Hand deliveries to the handlers once none has arrived for this long (default 50 ms)... */
  quietMs?: number;
  /** ...or once the oldest has waited this long (default 1 s). */
  maxDeferMs?: number;
}

/**
 * Acknowledge a webhook as soon as its signature and JSON are checked, and run the handlers after.
 *
 * Probot's middleware answers a delivery only when `webhooks.verifyAndReceive` resolves, which
 * includes building the event's context (an authenticated Octokit) and every handler. Under a
 * burst, each answer then waits behind other deliveries' handlers (50 in flight on 2 cores: 70 ms
 * at p99, 58 ms with this; `npm run bench:app`). The middleware looks `verifyAndReceive` up on
 * the Webhooks object at each request, so replacing it there is enough: deliveries that verify are
 * answered at once. Their handlers run in arrival order once deliveries stop arriving for a moment
 * (a burst is answered first, then handled; a review takes far longer than the wait) and one per
 * turn of the event loop, so that a delivery arriving meanwhile is answered between two handlers,
 * not after all of them.
 * A delivery that does not verify or parse takes the original path: same status, same error log.
 * One that verifies but is malformed (an empty event name, no delivery id, a payload that is not
 * an object) is refused with 400: handed on, it would make `receive` throw outside any request.
 * The handlers only decide and enqueue, and state is recomputed from GitHub on every event, so an
 * acknowledged delivery whose handler fails is as lost as before (it is logged; GitHub's answer
 * would not have retried it either).
 */
export function acknowledgeFirst(webhooks: Webhooks, log: Log, options: AckFirstOptions = {}): AckFirst {
  const quietMs = options.quietMs ?? 50;
  const maxDeferMs = options.maxDeferMs ?? 1_000;
  const original = webhooks.verifyAndReceive;
  const waiting: { event: Received; at: number }[] = [];
  const waiters: (() => void)[] = [];
  let handling = 0;
  let scheduled = false;
  let lastArrival = 0;

  const settle = () => {
    if (waiting.length || handling) return;
    for (const resolve of waiters.splice(0)) resolve();
  };
  const handle = (event: Received) => {
    handling++;
    // Handler errors were already logged by the Webhooks error handler (Probot's, with our logger).
    // `receive` throws synchronously on some inputs: here that would end the process.
    Promise.resolve()
      .then(() => webhooks.receive(event))
      .catch(() => log.debug({ delivery: event.id, event: event.name }, 'webhook handler failed after it was acknowledged'))
      .finally(() => {
        handling--;
        settle();
      });
  };
  const pump = () => {
    scheduled = false;
    const first = waiting[0];
    if (!first) return settle();
    const now = Date.now();
    const wait = Math.min(quietMs - (now - lastArrival), maxDeferMs - (now - first.at));
    scheduled = true;
    if (wait > 0) {
      setTimeout(pump, wait);
      return;
    }
    waiting.shift();
    handle(first.event);
    setImmediate(pump);
  };

  webhooks.verifyAndReceive = async (delivery: Delivery) => {
    const checked = await verifiedPayload(webhooks, delivery);
    if (!checked) return original(delivery);
    const { payload } = checked;
    lastArrival = Date.now();
    waiting.push({ event: { id: delivery.id, name: delivery.name, payload } as Received, at: lastArrival });
    if (!scheduled) {
      scheduled = true;
      setTimeout(pump, Math.min(quietMs, maxDeferMs));
    }
  };

  return {
    get pending() {
      return waiting.length + handling;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
  };
}
