import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createSafeLogger } from '../../src/app/log.js';
import { startWebhookProxy } from '../../src/app/events/webhook-proxy.js';

/** `npm start` for development: readable logs in a terminal, JSON lines otherwise, and Probot's smee proxy. */
const SENTINEL = 'jane.doe.sentinel@example.com';

function sink(): { stream: Writable; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { stream, text: () => out };
}

test('pretty lines are scrubbed like JSON lines: the message and reasons stay, payloads do not', async () => {
  const pretty = sink();
  const json = sink();
  for (const [format, s] of [
    ['pretty', pretty],
    ['json', json],
  ] as const) {
    const log = createSafeLogger({ format, destination: s.stream as never });
    log.warn({ reason: 'rate limited', payload: { comment: SENTINEL } }, 'review delayed');
    log.flush?.();
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(pretty.text()).toMatch(/WARN.*review delayed/);
  expect(pretty.text()).toContain('rate limited');
  expect(() => JSON.parse(pretty.text().trim().split('\n')[0]!)).toThrow();
  expect(JSON.parse(json.text().trim())).toMatchObject({ msg: 'review delayed', reason: 'rate limited' });
  for (const s of [pretty, json]) expect(s.text()).not.toContain(SENTINEL);
});

test('WEBHOOK_PROXY_URL: deliveries of a smee channel reach the App server (a loopback channel here)', async () => {
  const received: { event: string | undefined; body: string }[] = [];
  const target = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ event: req.headers['x-github-event'] as string | undefined, body });
      res.writeHead(200).end();
    });
  });
  // A smee channel: server-sent events, one delivery per message (headers and body in one JSON object).
  const channel = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': ready\n\n');
    setTimeout(
      () =>
        res.write(
          `data: ${JSON.stringify({ 'x-github-event': 'ping', 'x-github-delivery': 'd-1', body: { zen: 'Keep it logically awesome.' } })}\n\n`,
        ),
      100,
    );
  });
  const listen = (s: Server) =>
    new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
  const [targetPort, channelPort] = await Promise.all([listen(target), listen(channel)]);
  const logs = sink();
  const proxy = await startWebhookProxy(
    `http://127.0.0.1:${channelPort}/channel`,
    `http://127.0.0.1:${targetPort}/api/github/webhooks`,
    createSafeLogger({ format: 'json', destination: logs.stream as never }),
  );
  try {
    expect(proxy).toBeDefined();
    const deadline = Date.now() + 10_000;
    while (!received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual([{ event: 'ping', body: JSON.stringify({ zen: 'Keep it logically awesome.' }) }]);
  } finally {
    await proxy?.stop();
    channel.closeAllConnections();
    await Promise.all([new Promise((r) => target.close(r)), new Promise((r) => channel.close(r))]);
  }
}, 30_000);
