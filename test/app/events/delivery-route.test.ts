import { createHmac } from 'node:crypto';
import { Probot } from 'probot';
import { BodyBudget } from '../../../src/app/events/capped-body.js';
import { deliveryRoute } from '../../../src/app/events/delivery-route.js';
import { deliveryScheduler, type DeliveryScheduler, type DeliverySchedulerOptions } from '../../../src/app/events/delivery-scheduler.js';
import { webhookIntake } from '../../../src/app/events/webhook-intake.js';
import { startWebhookServer, type WebhookServer } from '../../../src/app/events/webhook-server.js';
import { capturedLog } from '../helpers/captured-log.js';
import { privateKey } from '../helpers/github.js';

/**
 * The one-process App's webhook route behind the intake guard, on the Webhooks object's public API:
 * deliveries are answered once verified, before their handlers run (GitHub, and a burst of pushes,
 * must not wait for the handlers); with acknowledge-first off, once the handlers are done. What does
 * not verify, is not JSON or is not shaped as GitHub's deliveries is refused with 400 and reaches
 * no handler.
 */
const SECRET = 'ack-first-secret';

interface Harness {
  server: WebhookServer;
  ack: DeliveryScheduler;
  seen: string[];
  lines: string[];
  gate: { open(): void; opened: Promise<void> };
  post(body: string, options?: { secret?: string; id?: string; event?: string }): Promise<Response>;
}

async function harness(
  handler: (id: string) => Promise<void> | void,
  options: { ackFirst?: boolean } & DeliverySchedulerOptions = {},
): Promise<Harness> {
  const { lines, log } = capturedLog();
  const probot = new Probot({ appId: 123, privateKey: privateKey(), secret: SECRET, log });
  const seen: string[] = [];
  await probot.load((app) => {
    app.on('issues.opened', async (context) => {
      seen.push(context.id);
      await handler(context.id);
    });
  });
  const receive = (event: { id: string; name: string; payload: object }) => probot.webhooks.receive(event as never);
  const ack = deliveryScheduler(receive, log, options);
  const server = await startWebhookServer({
    host: '127.0.0.1',
    port: 0,
    intake: webhookIntake({
      path: probot.webhookPath,
      maxBodyBytes: 1 << 20,
      budget: new BodyBudget(4 << 20),
      verify: (p, s) => probot.webhooks.verify(p, s),
      log,
    }),
    middleware: deliveryRoute({ webhookPath: probot.webhookPath, receive, ...(options.ackFirst !== false ? { scheduler: ack } : {}), log }),
    log,
  });
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let n = 0;
  const post = (body: string, o: { secret?: string; id?: string; event?: string } = {}) =>
    fetch(`http://127.0.0.1:${server.port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Each test has its own server: no keep-alive connection may outlive one.
        connection: 'close',
        'x-github-event': o.event ?? 'issues',
        'x-github-delivery': o.id ?? `d-${++n}`,
        'x-hub-signature-256': `sha256=${createHmac('sha256', o.secret ?? SECRET)
          .update(body)
          .digest('hex')}`,
      },
      body,
    });
  return { server, ack, seen, lines, gate: { open, opened }, post };
}

const issue = (title: string) =>
  JSON.stringify({ action: 'opened', issue: { number: 1, title }, repository: { name: 'shop', owner: { login: 'acme' } } });
async function within<T>(ms: number, p: Promise<T>): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

test('a verified delivery is answered while its handler is still waiting, and handled after', async () => {
  const h = await harness(() => h.gate.opened);
  try {
    const res = await within(5_000, h.post(issue('one')));
    expect(res).not.toBe('timeout');
    expect((res as Response).status).toBe(200);
    expect(await (res as Response).text()).toBe('ok\n');
    // Answered, not yet finished: the handler waits on the gate.
    await new Promise((r) => setTimeout(r, 50));
    expect(h.seen).toEqual(['d-1']);
    expect(h.ack.pending).toBe(1);
    h.gate.open();
    await h.ack.idle();
    expect(h.ack.pending).toBe(0);
  } finally {
    h.gate.open();
    await h.server.stop();
  }
});

test('without it, the answer waits until the handler has finished (what the above changes)', async () => {
  const h = await harness(() => h.gate.opened, { ackFirst: false });
  try {
    const answered = h.post(issue('one'));
    expect(await within(300, answered)).toBe('timeout');
    h.gate.open();
    expect((await answered).status).toBe(200);
  } finally {
    h.gate.open();
    await h.server.stop();
  }
});

test('deliveries reach the handlers in the order they were answered', async () => {
  const h = await harness(() => undefined);
  try {
    for (let i = 1; i <= 6; i++) expect((await h.post(issue(`t${i}`), { id: `order-${i}` })).status).toBe(200);
    await h.ack.idle();
    expect(h.seen).toEqual(['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6']);
  } finally {
    await h.server.stop();
  }
});

test('a burst is answered before any of its handlers runs: they wait for a quiet moment', async () => {
  const h = await harness(() => undefined, { quietMs: 400 });
  try {
    for (let i = 1; i <= 3; i++) expect((await h.post(issue(`b${i}`), { id: `burst-${i}` })).status).toBe(200);
    expect(h.seen).toEqual([]);
    expect(h.ack.pending).toBe(3);
    await h.ack.idle();
    expect(h.seen).toEqual(['burst-1', 'burst-2', 'burst-3']);
  } finally {
    await h.server.stop();
  }
});

test('a handler waits for a quiet moment at most maxDeferMs', async () => {
  const h = await harness(() => undefined, { quietMs: 30_000, maxDeferMs: 50 });
  try {
    expect((await h.post(issue('x'), { id: 'deferred' })).status).toBe(200);
    const t0 = Date.now();
    await h.ack.idle();
    expect(h.seen).toEqual(['deferred']);
    expect(Date.now() - t0).toBeLessThan(5_000);
  } finally {
    await h.server.stop();
  }
});

test('a forged signature is refused with 400 and never reaches a handler', async () => {
  const h = await harness(() => undefined);
  try {
    const res = await h.post(issue('forged'), { secret: 'not-the-secret' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"error":"Signature does not match event payload and secret"}');
    await h.ack.idle();
    expect(h.seen).toEqual([]);
    expect(h.lines.join('')).toMatch(/signature does not match/);
  } finally {
    await h.server.stop();
  }
});

test('a signed body that is not JSON is refused with 400', async () => {
  const h = await harness(() => undefined);
  try {
    const res = await h.post('{"action": "opened", ');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('{"error":"The body is not JSON"}');
    expect(h.seen).toEqual([]);
  } finally {
    await h.server.stop();
  }
});

test('a handler that fails after the answer is logged with its delivery, and the next ones still run', async () => {
  const h = await harness((id) => {
    if (id === 'boom') throw new Error('handler broke');
  });
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    expect((await h.post(issue('x'), { id: 'boom' })).status).toBe(200);
    expect((await h.post(issue('y'), { id: 'after' })).status).toBe(200);
    await h.ack.idle();
    expect(h.seen).toEqual(['boom', 'after']);
    const errors = h.lines.map((l) => JSON.parse(l) as { level: number; msg?: string; id?: string }).filter((l) => l.level >= 50);
    expect(errors).toEqual([expect.objectContaining({ id: 'boom', msg: expect.stringMatching(/handler broke/) })]);
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await h.server.stop();
  }
});

test.each([
  ['an empty event name', { event: '' }, '{"a":1}', 'The X-GitHub-Event header is empty'],
  ['an empty delivery id', { id: '' }, '{"a":1}', 'The X-GitHub-Delivery header is empty'],
  ['a null payload', {}, 'null', 'The payload is not a JSON object'],
  ['an array payload', {}, '[{"action":"opened"}]', 'The payload is not a JSON object'],
  ['a number payload', {}, '0', 'The payload is not a JSON object'],
])('a signed delivery with %s: 400, no handler runs, nothing throws later', async (_what, headers, body, message) => {
  for (const ackFirst of [true, false]) {
    const h = await harness(() => undefined, { ackFirst });
    try {
      const res = await h.post(body, headers);
      expect({ ackFirst, status: res.status, body: await res.text() }).toEqual({
        ackFirst,
        status: 400,
        body: JSON.stringify({ error: message }),
      });
      await new Promise((r) => setTimeout(r, 20));
      await h.ack.idle();
      expect(h.seen).toEqual([]);
    } finally {
      await h.server.stop();
    }
  }
});

test('with acknowledge-first off, a handler that fails is answered 500 without the payload', async () => {
  const h = await harness(
    () => {
      throw new Error('handler broke on alice@example.com');
    },
    { ackFirst: false },
  );
  try {
    const res = await h.post(issue('x'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"error":"A webhook handler failed"}');
  } finally {
    await h.server.stop();
  }
});
