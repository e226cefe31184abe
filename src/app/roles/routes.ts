import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../pipeline/run-job.js';
import { answerJson as json, verifiedDelivery } from '../events/verified-delivery.js';
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
    if (!options.store) return false;
    const delivery = verifiedDelivery(req, res, options.webhookPath, options.log);
    if (delivery === undefined) return false;
    if (delivery === 'answered') return true;
    const { id, name, body } = delivery;
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
