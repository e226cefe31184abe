import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../pipeline/run-job.js';
import { deliveryProblem } from './delivery-shape.js';

export interface VerifiedDelivery {
  id: string;
  name: string;
  /** The body as GitHub sent it (the signed text). */
  body: string;
  payload: Record<string, unknown>;
}

/**
 * A delivery the intake guard verified (its body left on `req.body`), posted to the webhook path:
 * parsed and checked for GitHub's shape. A body that is not JSON, or a delivery that is malformed
 * (an empty event name, a `null` or array payload), is answered 400 here and gives `answered`.
 * Anything else (another route, no verified body) gives undefined: not this route's.
 */
export function verifiedDelivery(
  req: IncomingMessage,
  res: ServerResponse,
  webhookPath: string | undefined,
  log: Log,
): VerifiedDelivery | 'answered' | undefined {
  const body = (req as IncomingMessage & { body?: string }).body;
  const path = (req.url ?? '').split('?')[0];
  if (
    req.method !== 'POST' ||
    webhookPath === undefined ||
    body === undefined ||
    path?.replace(/\/+$/, '') !== webhookPath.replace(/\/+$/, '')
  )
    return undefined;
  const id = req.headers['x-github-delivery'] as string;
  const name = req.headers['x-github-event'] as string;
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    answerJson(res, 400, { error: 'The body is not JSON' });
    return 'answered';
  }
  const problem = deliveryProblem({ id, name }, payload);
  if (problem) {
    log.warn({ delivery: id, reason: problem }, 'webhook refused');
    answerJson(res, 400, { error: problem.charAt(0).toUpperCase() + problem.slice(1) });
    return 'answered';
  }
  return { id, name, body, payload: payload as Record<string, unknown> };
}

export function answerJson(res: ServerResponse, status: number, value: object): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
