import { BLOCKED, COMMITS, Env, REVIEWER, person, useEnv } from './setup.js';
import { deliver } from '../app-process.js';

/**
 * Family 5 of the attack catalogue (catalogue.md): attacks on the webhook endpoint. The signature
 * covers the body but not the delivery id or the event name, so a captured delivery can be sent
 * again. Whether the App did anything is seen through a later, valid event on another pull
 * request: deliveries are handled in arrival order, so once that one is evaluated the earlier ones
 * have been handled too.
 */
let env: Env;

useEnv((e) => (env = e));

const V1 = COMMITS.v1.sha;
const V3 = COMMITS.v3.sha;
const T = 180_000;

/** A valid pull request on another head, evaluated: every delivery sent before it has been handled. */
async function handledSoFar(): Promise<void> {
  const other = await env.commit({ ...COMMITS.v1.files, 'probe.md': `${Date.now()}\n` });
  await env.open(other);
}

test(
  'a forged signature is refused (400) and changes nothing',
  async () => {
    const pr = env.pull(V1);
    const payload = pr.prEvent('opened');
    expect(await deliver(env.app.port, 'not-the-secret', 'pull_request', payload, env.deliveryId())).toBe(400);
    // An approval forged the same way.
    const c = env.fake.addComment(REVIEWER, '/privacy approve', pr.number);
    expect(await deliver(env.app.port, 'not-the-secret', 'issue_comment', pr.commentEvent('created', c, c.user), env.deliveryId())).toBe(
      400,
    );
    await handledSoFar();
    expect(env.runs(V1)).toEqual([]);
    expect(pr.sticky()).toBeUndefined();
    expect(env.app.output()).toMatch(/signature does not match/);
  },
  T,
);

test(
  'a replayed delivery (same delivery id) is dropped',
  async () => {
    const pr = env.pull(V1);
    const id = env.deliveryId();
    const payload = pr.prEvent('opened');
    await pr.act('the first review', () => env.send('pull_request', payload, id));
    expect(env.runs(V1)).toHaveLength(1);
    expect(await env.send('pull_request', payload, id)).toBe(200);
    await handledSoFar();
    expect(env.runs(V1)).toHaveLength(1);
    expect(env.app.output()).toMatch(new RegExp(`"delivery":"${id}"[^\\n]*redelivered webhook dropped`));
  },
  T,
);

test(
  "a reviewer's captured approval (comment and click) replayed after a push that changed the findings",
  async () => {
    const { pr } = await env.open(V1);
    const c = env.fake.addComment(REVIEWER, '/privacy approve', pr.number);
    const comment = pr.commentEvent('created', c, c.user);
    const commentId = env.deliveryId();
    expect((await pr.act('the approval', () => env.send('issue_comment', comment, commentId))).conclusion).toBe('success');
    const click = {
      action: 'requested_action',
      check_run: env.fake.checkRunPayload(pr.run()!),
      requested_action: { identifier: 'approve' },
      sender: person(REVIEWER),
      ...env.common(),
    };
    expect((await pr.act('the click', () => env.send('check_run', click))).conclusion).toBe('success');

    expect((await pr.push(V3)).conclusion).toBe(BLOCKED);
    // Replayed with fresh delivery ids (the signature still matches): they approve what they approved, v1's fingerprint.
    expect((await pr.act('the replayed comment', () => env.send('issue_comment', comment))).conclusion).toBe(BLOCKED);
    expect((await pr.act('the replayed click', () => env.send('check_run', click))).conclusion).toBe(BLOCKED);
    // With the same id: dropped.
    expect(await env.send('issue_comment', comment, commentId)).toBe(200);
    expect((await pr.reevaluate()).conclusion).toBe(BLOCKED);
  },
  T,
);

// Fixed in d8550e9 (one new in-progress check run per pull request, head, base and event kind within five minutes).
test(
  'a replayed body with fresh delivery ids makes at most one new check run per head and event kind',
  async () => {
    const pr = env.pull(V1);
    const payload = pr.prEvent('opened');
    await pr.act('the first review', () => env.send('pull_request', payload));
    // One replay after another, each once the App has handled the one before (else the running job covers it anyway).
    for (let i = 0; i < 3; i++) {
      expect(await env.send('pull_request', payload)).toBe(200);
      await handledSoFar();
      await env.until('the replay to be handled', () => env.jobsEnded(pr.number));
      await env.settle();
    }
    expect(env.runs(V1).length).toBeLessThanOrEqual(2);
    expect(pr.run()!.conclusion).toBe(BLOCKED);
  },
  T,
);

test(
  'an unsigned delivery is refused',
  async () => {
    const pr = env.pull(V1);
    const res = await fetch(`http://127.0.0.1:${env.app.port}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': env.deliveryId() },
      body: JSON.stringify(pr.prEvent('opened')),
    });
    await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await handledSoFar();
    expect(env.runs(V1)).toEqual([]);
  },
  T,
);
