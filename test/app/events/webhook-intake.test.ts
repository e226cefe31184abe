import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { request } from 'node:http';
import { BodyBudget } from '../../../src/app/events/capped-body.js';
import { webhookIntake } from '../../../src/app/events/webhook-intake.js';
import { optionsFromEnv } from '../../../src/app/options.js';
import { capturedLog } from '../helpers/captured-log.js';

/**
 * The guard in front of Probot's webhook middleware, with a 1 KiB cap: what it refuses, and that
 * what it hands on is a verified body already read (the middleware takes `request.body`).
 */
const SECRET = 'intake-secret';
const CAP = 1024;
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

let server: Server;
let port: number;
let handedOn: { body?: string }[];
let budget: BodyBudget;
let lines: string[];

beforeEach(async () => {
  handedOn = [];
  budget = new BodyBudget(4 * CAP);
  const captured = capturedLog();
  lines = captured.lines;
  const intake = webhookIntake({
    path: '/api/github/webhooks',
    maxBodyBytes: CAP,
    budget,
    verify: async (payload, signature) => signature === sign(payload),
    log: captured.log,
  });
  server = createServer((req, res) => {
    void intake(req, res).then((answered) => {
      if (answered) return;
      handedOn.push({ body: (req as IncomingMessage & { body?: string }).body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function post(
  body: string,
  headers: Record<string, string> = {},
  path = '/api/github/webhooks',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issues',
          'x-github-delivery': 'd-1',
          'x-hub-signature-256': sign(body),
          connection: 'close',
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const ofLength = (n: number) => JSON.stringify({ pad: 'x'.repeat(n - 10) });

test('a verified body of exactly the cap is handed on, read', async () => {
  const body = ofLength(CAP);
  expect(Buffer.byteLength(body)).toBe(CAP);
  expect(await post(body)).toEqual({ status: 200, text: 'ok' });
  expect(handedOn).toEqual([{ body }]);
});

test('one byte over the cap: 413 (declared), not handed on', async () => {
  const answer = await post(ofLength(CAP + 1));
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.text)).toEqual({ error: 'The body is over the 1024 bytes limit' });
  expect(handedOn).toEqual([]);
  expect(lines.join('\n')).toContain('webhook refused: body over the size limit');
});

test('one byte over the cap, chunked (no Content-Length): 413, not handed on', async () => {
  const answer = await post(ofLength(CAP + 1), { 'transfer-encoding': 'chunked' });
  expect(answer.status).toBe(413);
  expect(handedOn).toEqual([]);
});

test('a body that does not verify: 400, not handed on, the delivery id logged and not the body', async () => {
  const answer = await post('{"secret":"jane@example.com"}', { 'x-hub-signature-256': sign('{}', 'other') });
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.text)).toEqual({ error: 'Signature does not match event payload and secret' });
  expect(handedOn).toEqual([]);
  expect(lines.join('\n')).toContain('signature does not match');
  expect(lines.join('\n')).not.toContain('jane@example.com');
});

test('bodies held by other requests count against the budget: 503 with Retry-After', async () => {
  expect(budget.take(4 * CAP - 10)).toBe(true);
  const answer = await post(ofLength(100));
  expect(answer.status).toBe(503);
  expect(handedOn).toEqual([]);
  budget.give(4 * CAP - 10);
  expect((await post(ofLength(100))).status).toBe(200);
  // The handed-on body is given back once its answer is sent.
  await new Promise((r) => setTimeout(r, 20));
  expect(budget.held).toBe(0);
});

test.each([
  ['a POST to another path', {}, '/elsewhere', 404],
  ['another content type', { 'content-type': 'text/plain' }, '/api/github/webhooks', 415],
  ['an empty event name', { 'x-github-event': '' }, '/api/github/webhooks', 400],
  ['a malformed signature', { 'x-hub-signature-256': 'sha1=abc' }, '/api/github/webhooks', 400],
])('%s is answered without being handed on', async (_, headers, path, status) => {
  expect((await post('{}', headers, path)).status).toBe(status);
  expect(handedOn).toEqual([]);
});

test('the webhook path with trailing slashes is the webhook path, as for the middleware', async () => {
  expect((await post('{}', {}, '/api/github/webhooks//')).status).toBe(200);
  expect(handedOn).toEqual([{ body: '{}' }]);
});

test.each([
  [{ PRIVACY_REVIEW_MAX_WEBHOOK_MB: '10' }, { maxWebhookBytes: 10 * 1024 * 1024 }],
  [{ PRIVACY_REVIEW_MAX_WEBHOOK_MB: '0.5' }, { maxWebhookBytes: 512 * 1024 }],
  [{ PRIVACY_REVIEW_MAX_WEBHOOK_MB: '0' }, {}],
  [{ PRIVACY_REVIEW_MAX_WEBHOOK_MB: 'lots' }, {}],
])('PRIVACY_REVIEW_MAX_WEBHOOK_MB: %j -> %j', (env, options) => {
  expect(optionsFromEnv(env)).toEqual(options);
});
