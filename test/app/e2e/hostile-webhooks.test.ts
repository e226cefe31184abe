import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AppProcess } from './app-process.js';
import { FakeGitHub, person } from './fake-github.js';
import { COMMITS } from './fixture-repo.js';
import { startFixtureApp } from './fixture-app.js';

/**
 * Hostile webhook deliveries against the real App process on loopback: bodies far over GitHub's
 * 25 MB are refused before they are read (the process's memory stays put), malformed deliveries
 * with a valid signature are answered 400 and the App keeps serving, and nothing unverified is
 * ever answered 2xx.
 */
const SECRET = 'hostile-webhook-secret';
const MB = 1024 * 1024;
const PATH = '/api/github/webhooks';

let fake: FakeGitHub;
let app: AppProcess;

beforeAll(async () => {
  ({ fake, app } = await startFixtureApp(SECRET));
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

/** The App's resident memory now, in bytes (Linux). */
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))![1]) * 1024;

interface RawAnswer {
  status?: number;
  body: string;
  sent: number;
  ms: number;
  /** The highest RSS of the App seen while the request ran, over its RSS before. */
  grewBy: number;
}

/**
 * POST `total` bytes of body over a raw socket, with a Content-Length (`declared`) or chunked, and
 * stop sending as soon as an answer arrives (fetch and node:http only surface an answer once the
 * body is sent). Nothing is signed: none of this may be answered 2xx.
 */
function rawPost(total: number, framing: { declared: number } | 'chunked'): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 10);
    const started = Date.now();
    const socket = connect(app.port, '127.0.0.1');
    const chunk = Buffer.alloc(MB, 0x20);
    let sent = 0;
    let received = '';
    let status: number | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(sampler);
      peak = Math.max(peak, rss());
      socket.destroy();
      resolve({
        ...(status ? { status } : {}),
        body: received.split('\r\n\r\n')[1] ?? '',
        sent,
        ms: Date.now() - started,
        grewBy: peak - before,
      });
    };
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      status ??= Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]) || undefined;
      // The whole (small) answer: its headers and a JSON body.
      if (status && /\r\n\r\n[\s\S]*\}/.test(received)) setTimeout(finish, 20);
    });
    socket.on('error', finish);
    socket.on('close', finish);
    const head = [
      `POST ${PATH} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      'X-GitHub-Event: pull_request',
      'X-GitHub-Delivery: hostile-1',
      `X-Hub-Signature-256: sha256=${'0'.repeat(64)}`,
      framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${framing.declared}`,
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    const pump = () => {
      while (!finished && sent < total) {
        sent += chunk.length;
        if (framing === 'chunked') socket.write(`${chunk.length.toString(16)}\r\n`);
        let ok = socket.write(chunk);
        if (framing === 'chunked') ok = socket.write('\r\n'); // false: buffered, wait for 'drain'
        if (!ok) return void socket.once('drain', pump);
      }
      if (!finished && framing === 'chunked') socket.write('0\r\n\r\n');
    };
    socket.once('connect', pump);
  });
}

/** A delivery signed with the App's secret, with these headers over the usual ones. */
async function signed(body: string, headers: Record<string, string | undefined>): Promise<{ status: number; text: string }> {
  const all: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-github-event': 'pull_request',
    'x-github-delivery': `hostile-${Math.random().toString(36).slice(2)}`,
    'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    ...headers,
  };
  const res = await fetch(`http://127.0.0.1:${app.port}${PATH}`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)),
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** The process still runs (signal 0 only checks) and answers. */
async function alive(): Promise<boolean> {
  try {
    process.kill(app.pid, 0);
  } catch {
    return false;
  }
  return (await fetch(`http://127.0.0.1:${app.port}/ping`)).ok;
}
const opened = () =>
  JSON.stringify({
    action: 'opened',
    number: 7,
    pull_request: fake.pull(),
    sender: person('dev'),
    repository: fake.repository(),
    installation: { id: 99 },
    organization: person('acme'),
  });

test('a body declared over 25 MB: 413 before it is read, memory bounded', async () => {
  const answer = await rawPost(200 * MB, { declared: 200 * MB });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toEqual({ error: 'The body is over the 25 MB limit' });
  expect(answer.ms).toBeLessThan(2_000);
  expect(answer.sent).toBeLessThan(50 * MB); // answered long before the client was done
  expect(answer.grewBy).toBeLessThan(50 * MB);
  expect(await alive()).toBe(true);
});

test('a chunked body without Content-Length: 413 once past 25 MB, memory bounded', async () => {
  const answer = await rawPost(200 * MB, 'chunked');
  expect(answer.status).toBe(413);
  expect(answer.sent).toBeGreaterThan(25 * MB);
  expect(answer.sent).toBeLessThan(100 * MB);
  expect(answer.grewBy).toBeLessThan(100 * MB);
  expect(await alive()).toBe(true);
});

test('a Content-Length under the cap with more bytes behind it: nothing past it is kept', async () => {
  const answer = await rawPost(200 * MB, { declared: 1000 });
  // Its 1000 bytes do not verify, and what follows is not HTTP: Node may close the connection first.
  expect(answer.status === undefined || answer.status === 400).toBe(true);
  expect(answer.grewBy).toBeLessThan(50 * MB);
  expect(await alive()).toBe(true);
});

test('four oversized unsigned bodies at once: none answered 2xx, memory bounded', async () => {
  const before = rss();
  const answers = await Promise.all([0, 1, 2, 3].map(() => rawPost(100 * MB, 'chunked')));
  for (const a of answers) expect([413, 503]).toContain(a.status);
  expect(Math.max(...answers.map((a) => a.grewBy))).toBeLessThan(200 * MB);
  expect(rss() - before).toBeLessThan(200 * MB);
  expect(await alive()).toBe(true);
}, 30_000);

test('an empty X-GitHub-Event with a valid signature: 400, the App stays up and serves the next delivery', async () => {
  const answer = await signed(opened(), { 'x-github-event': '' });
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.text)).toEqual({ error: 'The X-GitHub-Event header is empty' });
  await new Promise((r) => setTimeout(r, 1_500)); // past the handlers' deferral: a crash would have happened
  expect(await alive()).toBe(true);

  fake.push(COMMITS.v1.sha);
  const runs = fake.checkRuns.length;
  expect((await signed(opened(), {})).status).toBe(200);
  const deadline = Date.now() + 10_000;
  while (fake.checkRuns.length === runs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(fake.checkRuns.length).toBeGreaterThan(runs); // its in-progress check run
  expect(await alive()).toBe(true);
});

test.each([
  ['no X-GitHub-Delivery', opened, { 'x-github-delivery': undefined }, 'The X-GitHub-Delivery header is missing'],
  ['an empty X-GitHub-Delivery', opened, { 'x-github-delivery': '' }, 'The X-GitHub-Delivery header is empty'],
  ['an event name that is not one', opened, { 'x-github-event': 'pull request' }, 'The X-GitHub-Event header is not an event name'],
  ['no signature', opened, { 'x-hub-signature-256': undefined }, 'The X-Hub-Signature-256 header is missing'],
  [
    'a signature by another secret',
    opened,
    { 'x-hub-signature-256': `sha256=${'ab'.repeat(32)}` },
    'Signature does not match event payload and secret',
  ],
  ['a body that is not JSON', () => 'not json {', {}, 'The body is not JSON'],
  ['a JSON array', () => '[1,2]', {}, 'The payload is not a JSON object'],
  ['JSON null', () => 'null', {}, 'The payload is not a JSON object'],
  ['a JSON string', () => '"opened"', {}, 'The payload is not a JSON object'],
])('%s: 400 with a clear message, the App stays up', async (_, body, headers, message) => {
  const answer = await signed(body(), headers);
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.text)).toEqual({ error: message });
  await new Promise((r) => setTimeout(r, 1_200)); // past the handlers' deferral
  expect(await alive()).toBe(true);
});

test('the App never logged a body', () => {
  expect(app.output()).not.toContain('not json {');
  expect(app.output()).not.toContain('"[1,2]"');
});
