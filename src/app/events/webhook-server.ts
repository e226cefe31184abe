import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Handler } from './webhook-intake.js';

export interface WebhookServerOptions {
  host: string;
  port: number;
  /** Runs first: answers the requests it takes (true), lets the others through (false). */
  intake: Handler;
  /** Probot's `createNodeMiddleware`: the App's webhook route. */
  middleware: (req: IncomingMessage, res: ServerResponse) => boolean | void | Promise<boolean | void>;
  log: Logger;
}

export interface WebhookServer {
  readonly port: number;
  stop(): Promise<void>;
}

// GitHub stops waiting for an answer after ten seconds: a body still arriving after this is not GitHub.
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The App's HTTP server (Probot's documented alternative to its own: a Node server around
 * `createNodeMiddleware`), so that the intake guard runs before Probot's webhook middleware, which
 * Probot's server always puts first. It keeps what `npm start` served besides the webhooks:
 * `GET /ping`, a 404 for anything else, and one access-log line per request (method, path, status).
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const log = options.log.child({ name: 'http' });
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    const started = Date.now();
    res.once('finish', () => log.info(`${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} - ${Date.now() - started}ms`));
    route(req, res).catch((e: unknown) => {
      log.error({ reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/ping') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      return;
    }
    if ((await options.intake(req, res)) || (await options.middleware(req, res))) return;
    if (!res.headersSent) res.writeHead(404).end();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.log.info(`Listening on http://${options.host}:${port}`);
  return {
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
