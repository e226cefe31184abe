import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../pipeline/run-job.js';
import type { DeliveryScheduler, WebhookEvent } from './delivery-scheduler.js';
import { answerJson, verifiedDelivery } from './verified-delivery.js';

export interface DeliveryRouteOptions {
  webhookPath: string;
  /** `@octokit/webhooks`' public `receive`: runs the handlers of a verified delivery. */
  receive(event: WebhookEvent): Promise<void>;
  /** Answer first and run the handlers after (default); without it, answer once they have run. */
  scheduler?: DeliveryScheduler;
  log: Log;
}

/**
 * The one-process App's webhook route, behind the intake guard (size, headers, signature): a
 * verified, well-formed delivery is answered 200 at once and handed to the scheduler, or, without
 * one, handed to the handlers and answered when they are done (500 when one fails, as Probot's
 * middleware does, with nothing of the payload). Built on the Webhooks object's public API; nothing
 * of Probot's is patched.
 */
export function deliveryRoute(options: DeliveryRouteOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const delivery = verifiedDelivery(req, res, options.webhookPath, options.log);
    if (delivery === undefined) return false;
    if (delivery === 'answered') return true;
    const event: WebhookEvent = { id: delivery.id, name: delivery.name, payload: delivery.payload };
    if (options.scheduler) {
      options.scheduler.accept(event);
    } else {
      try {
        await options.receive(event);
      } catch {
        // Probot's error handler has logged it, with the delivery id.
        answerJson(res, 500, { error: 'A webhook handler failed' });
        return true;
      }
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return true;
  };
}
