import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../pipeline/run-job.js';
import { deliveryProblem } from '../events/delivery-shape.js';
import type { StoredDelivery } from '../queue/redis/deliveries.js';

export interface SharedRoutesOptions {
  /** The webhook path; undefined on a worker, which takes no webhooks. */
  webhookPath?: string;
  /** Store a verified delivery durably (resolves once it is in Redis). */
  store?: (delivery: StoredDelivery) => Promise<void>;
  health(): Promise<{ ok: boolean; reason?: string }>;
  metrics(): Promise<string>;
  log: Log;
}

/**
 * What a process of the shared queue serves behind the intake guard (which has checked the
 * webhook's size, headers and signature and left the body on `req.body`): a verified delivery is
 * answered 200 once it is stored in Redis (503 when Redis is away: GitHub then shows it as failed,
 * to be redelivered); `GET /health` (200 when Redis answers, 503 with the reason otherwise) and
 * `GET /metrics` (Prometheus text). Returns false for anything else.
 */
export function sharedRoutes(options: SharedRoutesOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      const health = await options.health();
      json(res, health.ok ? 200 : 503, health.ok ? { status: 'ok' } : { status: 'unavailable', reason: health.reason });
      return true;
    }
    if (req.method === 'GET' && path === '/metrics') {
      const text = await options.metrics().catch(() => undefined);
      if (text === undefined) json(res, 503, { error: 'Redis unreachable' });
      else res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text);
      return true;
    }
    const body = (req as IncomingMessage & { body?: string }).body;
    if (req.method !== 'POST' || !options.store || body === undefined || path?.replace(/\/+$/, '') !== options.webhookPath?.replace(/\/+$/, '')) return false;
    const id = req.headers['x-github-delivery'] as string;
    const name = req.headers['x-github-event'] as string;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      json(res, 400, { error: 'The body is not JSON' });
      return true;
    }
    const problem = deliveryProblem({ id, name }, payload);
    if (problem) {
      options.log.warn({ delivery: id, reason: problem }, 'webhook refused');
      json(res, 400, { error: problem.charAt(0).toUpperCase() + problem.slice(1) });
      return true;
    }
    try {
      await options.store({ id, name, body });
    } catch (e) {
      options.log.error({ delivery: id, reason: e instanceof Error ? e.message : String(e) }, 'webhook not stored: Redis unreachable');
      res.setHeader('retry-after', '5');
      json(res, 503, { error: 'The delivery could not be stored; redeliver it later' });
      return true;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return true;
  };
}

function json(res: ServerResponse, status: number, value: object): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
