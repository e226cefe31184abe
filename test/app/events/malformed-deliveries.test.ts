import { createHmac } from 'node:crypto';
import { Probot } from 'probot';
import { acknowledgeFirst, type AckFirst } from '../../../src/app/events/ack-first.js';
import { refuseMalformed } from '../../../src/app/events/refuse-malformed.js';
import { capturedLog } from '../helpers/captured-log.js';
import { privateKey } from '../helpers/github.js';

/**
 * A delivery whose signature verifies but whose shape is not GitHub's is refused with 400 by the
 * Webhooks object itself, whatever server is in front: handed to `receive`, an empty event name or
 * a `null` payload throws outside any request (the App used to exit).
 */
const SECRET = 'malformed-secret';

async function webhooks(mode: 'ack-first' | 'after-handlers') {
  const { log } = capturedLog();
  const probot = new Probot({ appId: 123, privateKey: privateKey(), secret: SECRET, log });
  const seen: string[] = [];
  let ack: AckFirst | undefined;
  await probot.load((app) => {
    app.on('issues', async (context) => void seen.push(context.id));
    if (mode === 'ack-first') ack = acknowledgeFirst(app.webhooks, log, { quietMs: 1, maxDeferMs: 1 });
    else refuseMalformed(app.webhooks);
  });
  const deliver = async (name: string, id: string, payload: string) => {
    const signature = `sha256=${createHmac('sha256', SECRET).update(payload).digest('hex')}`;
    try {
      await probot.webhooks.verifyAndReceive({ id, name: name as never, payload, signature });
      return { status: 200 };
    } catch (e) {
      const first = (e as AggregateError).errors?.[0] as { status?: number; message: string } | undefined;
      return { status: first?.status ?? 500, message: first?.message };
    }
  };
  return { deliver, seen, idle: () => ack?.idle() ?? Promise.resolve() };
}

const issue = JSON.stringify({ action: 'opened', issue: { number: 1 } });

describe.each(['ack-first', 'after-handlers'] as const)('%s', (mode) => {
  test.each([
    ['an empty event name', '', 'd-1', issue, 'the X-GitHub-Event header is empty'],
    ['an event name that is not one', 'issues\n', 'd-1', issue, 'the X-GitHub-Event header is not an event name'],
    ['an empty delivery id', 'issues', '', issue, 'the X-GitHub-Delivery header is empty'],
    ['a null payload', 'issues', 'd-1', 'null', 'the payload is not a JSON object'],
    ['an array payload', 'issues', 'd-1', '[{"action":"opened"}]', 'the payload is not a JSON object'],
    ['a number payload', 'issues', 'd-1', '0', 'the payload is not a JSON object'],
  ])('%s: 400, no handler runs, nothing throws later', async (_, name, id, payload, message) => {
    const { deliver, seen, idle } = await webhooks(mode);
    expect(await deliver(name, id, payload)).toEqual({ status: 400, message });
    await new Promise((r) => setTimeout(r, 20));
    await idle();
    expect(seen).toEqual([]);
  });

  test('a well-formed delivery still reaches its handler', async () => {
    const { deliver, seen, idle } = await webhooks(mode);
    expect(await deliver('issues', 'd-ok', issue)).toEqual({ status: 200 });
    await idle();
    expect(seen).toEqual(['d-ok']);
  });
});
