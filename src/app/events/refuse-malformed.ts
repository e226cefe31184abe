import type { Probot } from 'probot';
import { verifiedPayload } from './verified-payload.js';

type Webhooks = Probot['webhooks'];
type Delivery = Parameters<Webhooks['verifyAndReceive']>[0];

/**
 * When the answer waits for the handlers (no acknowledge-first), still refuse a verified delivery
 * that is malformed with 400 instead of handing it on (a `null` payload would answer 500, an array
 * would reach the handlers). Probot's middleware looks `verifyAndReceive` up at each request.
 */
export function refuseMalformed(webhooks: Webhooks): void {
  const original = webhooks.verifyAndReceive;
  webhooks.verifyAndReceive = async (delivery: Delivery) => {
    await verifiedPayload(webhooks, delivery);
    return original(delivery);
  };
}
