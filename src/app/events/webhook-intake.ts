import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Log } from '../pipeline/run-job.js';
import { readCappedBody, type BodyBudget } from './capped-body.js';
import { headersProblem } from './delivery-shape.js';

export interface WebhookIntakeOptions {
  /** The webhook path (Probot's WEBHOOK_PATH). */
  path: string;
  /** The largest body accepted; GitHub caps its payloads at 25 MB. */
  maxBodyBytes: number;
  /** Body bytes held across requests at once. */
  budget: BodyBudget;
  /** The Webhooks object's signature check (X-Hub-Signature-256 against the body). */
  verify(payload: string, signature: string): Promise<boolean>;
  log: Log;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// The same check as @octokit/webhooks' middleware (which answers 415 otherwise).
const JSON_CONTENT_TYPE = /^\s*(application\/json)\s*(?:;|$)/u;
const decoder = new TextDecoder('utf-8', { fatal: false });
// How long a refused request's remaining bytes are discarded before its connection is closed.
const LINGER_MS = 500;

/**
 * The guard in front of Probot's webhook middleware. @octokit/webhooks reads a request's whole
 * body into memory before it checks the signature, with no limit, and answers 202 when that takes
 * over nine seconds; it takes a body that is already read from `request.body` (a string) instead.
 * So every POST is taken here: one to another path is answered 404 unread; one to the webhook
 * path is refused early when its headers are malformed or its declared length is over the cap, is
 * read while counting bytes (413 past the cap), and only a body whose signature verifies is handed
 * on, so the middleware never sees an unverified request. Answers are `{"error": ...}` as the
 * middleware's; logs name the delivery id, never the body.
 * Returns true when the request was answered here.
 */
export function webhookIntake(options: WebhookIntakeOptions): Handler {
  const path = withoutTrailingSlashes(options.path);
  const limit =
    options.maxBodyBytes >= 1024 * 1024
      ? `${Math.round((options.maxBodyBytes / (1024 * 1024)) * 10) / 10} MB`
      : `${options.maxBodyBytes} bytes`;
  return async (req, res) => {
    if (req.method !== 'POST') return false;
    if (pathOf(req.url ?? '') !== path) return refuse(req, res, 404, 'Unknown route');
    const contentType = req.headers['content-type'];
    if (typeof contentType !== 'string' || !JSON_CONTENT_TYPE.test(contentType))
      return refuse(req, res, 415, 'Unsupported "Content-Type" header value. Must be "application/json"');
    const signature = req.headers['x-hub-signature-256'];
    const delivery = req.headers['x-github-delivery'];
    const problem = headersProblem({ event: req.headers['x-github-event'], delivery, signature });
    if (problem) {
      options.log.warn({ reason: problem }, 'webhook refused');
      return refuse(req, res, 400, capitalized(problem));
    }
    const body = await readCappedBody(req, options.maxBodyBytes, options.budget);
    switch (body.kind) {
      case 'too-large':
        options.log.warn({ delivery, limit }, 'webhook refused: body over the size limit');
        return refuse(req, res, 413, `The body is over the ${limit} limit`);
      case 'busy':
        options.log.warn({ delivery }, 'webhook refused: too many large bodies at once');
        res.setHeader('retry-after', '5');
        return refuse(req, res, 503, 'Too many large webhook bodies at once; retry later');
      case 'aborted':
        req.socket.destroy();
        return true;
    }
    res.once('close', body.release);
    const text = decoder.decode(body.bytes);
    if (!(await options.verify(text, signature as string).catch(() => false))) {
      options.log.warn({ delivery }, 'webhook refused: signature does not match event payload and secret');
      return refuse(req, res, 400, 'Signature does not match event payload and secret');
    }
    (req as IncomingMessage & { body?: string }).body = text;
    return false;
  };
}

/**
 * Answer without reading (the rest of) the body. Closing the connection at once would reset it
 * with the client's bytes unread, and a client still sending would lose the answer; so the bytes
 * still arriving are discarded (never kept) for a moment while the client reads the answer, then
 * the connection is closed.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string): true {
  const body = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  if (!req.complete) {
    req.on('error', () => {}).resume();
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
    req.once('end', () => clearTimeout(linger));
  }
  return true;
}

/** The request's path as @octokit/webhooks' middleware compares it (trailing slashes dropped). */
function pathOf(url: string): string | undefined {
  try {
    return new URL(withoutTrailingSlashes(url), 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function withoutTrailingSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function capitalized(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
