import type { Probot } from 'probot';
import { deliveryProblem, refusal } from './delivery-shape.js';

type Webhooks = Probot['webhooks'];
type Delivery = Parameters<Webhooks['verifyAndReceive']>[0];

/**
 * A delivery's parsed payload once its signature is verified; undefined when it is not verified or
 * not JSON (the library then answers as it does). A verified delivery that is malformed (an empty
 * event name, a `null` or array payload) is refused with 400 instead of being handed on.
 */
export async function verifiedPayload(webhooks: Webhooks, delivery: Delivery): Promise<{ payload: unknown } | undefined> {
  if (!(await webhooks.verify(delivery.payload, delivery.signature).catch(() => false))) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(delivery.payload);
  } catch {
    return undefined;
  }
  const problem = deliveryProblem(delivery, payload);
  if (problem) throw refusal(problem);
  return { payload };
}
