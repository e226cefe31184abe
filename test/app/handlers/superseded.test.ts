import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun, R } from '../helpers/github.js';
import { HEAD_SHA, pullObject, pullRequestEvent } from '../helpers/payloads.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * A push while the previous commit is being reviewed: the running review is aborted, its check
 * run concluded "superseded", and only the newer commit's review writes the comment.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const NEW = '9'.repeat(40);

test('newer push → older run neutral "Superseded", newer one reviewed', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  const review = makeReview([reviewed(finding('f1'))]);
  let calls = 0;
  const { probot, queue } = await loadApp({
    review: async () => {
      if (++calls === 1) {
        started();
        await gate; // the first review hangs until the test lets it go
      }
      return review;
    },
  });
  const cap = captured();
  const tar = await makeTarball({ 'a.ts': '' });
  const scope = mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: 90 })
    .get(`${R}/pulls/7`)
    .reply(200, pullObject())
    .get(`${R}/contents/.github%2Fprivacy-review.yml`)
    .reply(404, {})
    .get(`/repos/acme/.github/contents/.github%2Fprivacy-review.yml`)
    .reply(404, {})
    .get(new RegExp(`${R}/compare/.*`))
    .query(true)
    .reply(200, { merge_base_commit: { sha: 'c'.repeat(40) }, files: [] })
    .get(/\/tarball\//)
    .times(2)
    .reply(200, tar)
    .patch(`${R}/check-runs/90`, (b) => (cap.checkUpdates.push({ id: 90, body: b }), true))
    .reply(200, {});
  mockRun(scope, cap, {
    pull: pullObject({ head: NEW }),
    createId: 91,
    updates: { 91: 1 },
    tarballs: { base: tar, head: tar },
    commentCreate: true,
    labelAdd: true,
  });

  await probot.receive({ id: 's-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await running;
  await probot.receive({ id: 's-2', name: 'pull_request', payload: pullRequestEvent('synchronize', { head: NEW }) as never });
  release();
  await queue.idle();

  const byRun = Object.fromEntries(cap.checkUpdates.map((u) => [u.id, u.body]));
  expect(byRun[90]).toMatchObject({ conclusion: 'neutral', output: { title: 'Superseded by a newer commit' } });
  expect(byRun[91]).toMatchObject({ conclusion: 'action_required' });
  expect(cap.checkCreates.map((c) => c.head_sha)).toEqual([HEAD_SHA, NEW]);
  expect(cap.commentCreates).toHaveLength(1);
  expect(scope.pendingMocks()).toEqual([]);
});

test('a delivery whose head was already pushed past closes its run as superseded and publishes nothing for the new head', async () => {
  let reviews = 0;
  const { probot, queue } = await loadApp({ review: async () => (reviews++, makeReview([])) });
  const cap = captured();
  // The pull request already has a newer head: that push's own delivery reviews it.
  const scope = mockAuth(nock(API))
    .post(`${R}/check-runs`, (b) => (cap.checkCreates.push(b), true))
    .reply(201, { id: 90 })
    .get(`${R}/pulls/7`)
    .reply(200, pullObject({ head: NEW }))
    .patch(`${R}/check-runs/90`, (b) => (cap.checkUpdates.push({ id: 90, body: b }), true))
    .reply(200, {});

  // Any other request (the configuration, the analysis, a check run for the new head) is one too many.
  const unexpected: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }) => unexpected.push(`${req.method} ${req.path}`);
  nock.emitter.on('no match', onNoMatch);
  await probot.receive({ id: 'b-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  nock.emitter.removeListener('no match', onNoMatch);

  expect(cap.checkCreates.map((c) => c.head_sha)).toEqual([HEAD_SHA]);
  expect(cap.checkUpdates).toEqual([
    {
      id: 90,
      body: expect.objectContaining({ conclusion: 'neutral', output: expect.objectContaining({ title: 'Superseded by a newer commit' }) }),
    },
  ]);
  expect(unexpected).toEqual([]);
  expect(reviews).toBe(0);
  expect(cap.commentCreates).toEqual([]);
  expect(scope.pendingMocks()).toEqual([]);
});
