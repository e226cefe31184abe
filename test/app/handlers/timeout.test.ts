import nock from 'nock';
import { captured, loadApp, mockAnalysis } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';

/** A review that takes too long fails its check plainly, with a Re-run button, instead of hanging. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

// The review never ends. On a loaded machine the timeout may fall before it, during a request:
// the outcome must be the same wherever it falls, so only the check run's update is required.
test('timeout → failure "did not finish"', async () => {
  const { probot, queue, logs } = await loadApp({ review: () => new Promise(() => undefined), timeoutMs: 1000 });
  const cap = captured();
  const scope = await mockAnalysis(cap, 20, 'mode: block\n');
  await probot.receive({ id: 't-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(cap.checkUpdates[0]!.body.output.summary).toContain('could not be completed: it did not finish within');
  expect(logs.join('')).toContain('"reason":"it did not finish within');
  expect(scope.pendingMocks().filter((m) => m.startsWith('PATCH'))).toEqual([]);
});
