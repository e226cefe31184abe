import { createHmac } from 'node:crypto';
import { Probot, Server } from 'probot';
import { createPrivacyReview } from '../../src/app/app.js';
import { scrub } from '../../src/app/log.js';
import { capturedLog } from './helpers/captured-log.js';
import { privateKey } from './helpers/github.js';
import { commentEvent } from './helpers/payloads.js';

/**
 * Logs carry reasons, never payloads: Probot and @octokit/webhooks log a delivery whose
 * signature does not match with the whole event, which holds people's names and comments.
 */
const SENTINEL = 'jane.doe.sentinel@example.com';

const capture = () => capturedLog('trace');

test('a badly signed delivery is rejected and its payload is not logged', async () => {
  const { lines, log } = capture();
  const server = new Server({
    Probot: Probot.defaults({ appId: 123, privateKey: privateKey(), secret: 'right-secret', log }),
    log,
    host: '127.0.0.1',
    port: 0,
  });
  await server.load(createPrivacyReview().app);
  await server.start();
  try {
    const body = JSON.stringify(commentEvent('created', `/privacy approve, mail me at ${SENTINEL}`, 'priv'));
    const signature = `sha256=${createHmac('sha256', 'wrong-secret').update(body).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${server.port}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issue_comment',
        'x-github-delivery': 'bad-1',
        'x-hub-signature-256': signature,
      },
      body,
    });
    expect(res.status).toBe(400);
  } finally {
    await server.stop();
  }
  const all = lines.join('');
  expect(all).toMatch(/signature does not match/);
  expect(all).not.toContain(SENTINEL);
  expect(all).not.toContain('jane.doe');
});

test('errors keep their type, status and reason; bodies, headers and quoted input go', () => {
  const requestError = Object.assign(new Error('Not Found'), {
    name: 'HttpError',
    status: 404,
    request: { headers: { authorization: 'token ghs_secret' }, body: SENTINEL },
    response: { data: { message: SENTINEL } },
  });
  expect(scrub(requestError, 0)).toEqual({ type: 'HttpError', message: 'Not Found', status: 404 });
  const parse = new SyntaxError(`Unexpected token 'x', "{"email": "${SENTINEL}"}" is not valid JSON`);
  expect(JSON.stringify(scrub(parse, 0))).not.toContain(SENTINEL);
  expect(scrub({ event: { payload: SENTINEL }, payload: SENTINEL, pr: 7, reason: 'timeout' }, 0)).toEqual({ pr: 7, reason: 'timeout' });
  expect(JSON.stringify(scrub(new AggregateError([Object.assign(new Error('boom'), { event: { body: SENTINEL } })]), 0))).not.toContain(
    SENTINEL,
  );
});

test('the logger scrubs whatever it is given, errors first argument included', () => {
  const { lines, log } = capture();
  const error = Object.assign(new Error('webhook handler failed'), { event: { payload: { comment: { body: SENTINEL } } } });
  log.error(error);
  log.info({ event: { id: 'd1', payload: { sender: SENTINEL } } }, 'Webhook received');
  log.child({ name: 'http' }).info({ req: { method: 'POST', url: '/api/github/webhooks?x=1', headers: { cookie: SENTINEL } } }, 'POST 400');
  const all = lines.join('');
  expect(all).not.toContain(SENTINEL);
  expect(all).toContain('webhook handler failed');
  expect(all).toContain('"url":"/api/github/webhooks"');
});

test('the HTTP access log keeps method, path and status, not headers or addresses', async () => {
  const { lines, log } = capture();
  const server = new Server({
    Probot: Probot.defaults({ appId: 123, privateKey: privateKey(), secret: 's', log }),
    log,
    host: '127.0.0.1',
    port: 0,
  });
  await server.load(createPrivacyReview().app);
  await server.start();
  try {
    await fetch(`http://127.0.0.1:${server.port}/ping?token=${SENTINEL}`, { headers: { 'x-forwarded-for': SENTINEL } });
  } finally {
    await server.stop();
  }
  const access = lines.map((l) => JSON.parse(l) as { msg: string; req?: unknown }).find((l) => l.msg.startsWith('GET /ping'));
  expect(access?.req).toEqual({ id: expect.any(String), method: 'GET', url: '/ping' });
  expect(lines.join('')).not.toContain(SENTINEL);
});
