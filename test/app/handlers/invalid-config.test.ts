import nock from 'nock';
import { API, captured, loadApp, mockAuth, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';

/** An invalid configuration fails the check and says what is wrong, where, with a link to the line. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('invalid config → failure listing file:line, nothing analyzed, no comment', async () => {
  const { probot, queue } = await loadApp({ review: async () => Promise.reject(new Error('must not run')) });
  const cap = captured();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers:\n  users: [priv]\nmode: strict\n',
    createId: 12,
    updates: { 12: 1 },
    stopAfterConfig: true,
  });
  await probot.receive({ id: 'i-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();

  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(done.output.title).toBe('Invalid configuration: .github/privacy-review.yml:3: mode must be block or warn, not "strict"');
  expect(done.output.summary).toContain(
    '- [`.github/privacy-review.yml:3`](https://github.com/acme/shop/blob/main/.github/privacy-review.yml#L3): mode must be block or warn, not "strict"',
  );
  expect(scope.pendingMocks()).toEqual([]);
});
