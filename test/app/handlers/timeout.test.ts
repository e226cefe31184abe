import { jest } from '@jest/globals';
import nock from 'nock';
import { captured, loadApp, mockAnalysis } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';

/** A review that takes too long fails its check plainly, with a Re-run button, instead of hanging. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  jest.useRealTimers();
});
afterAll(() => nock.enableNetConnect());

const TEN_MINUTES = 10 * 60_000;

// Only the job's timer is faked, and the review moves the clock past it: the timeout falls inside
// the review however slow the machine is (on a real clock it fell wherever the load put it).
// Everything else (promises, I/O callbacks, Date, the closing budget) keeps real time.
test('timeout → failure "did not finish"', async () => {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
    ],
  });
  let reviewed = false;
  const review = () => {
    reviewed = true;
    jest.advanceTimersByTime(TEN_MINUTES);
    return new Promise<never>(() => undefined);
  };
  // No analyzers to load: the stubbed review never uses them.
  const { probot, queue, logs } = await loadApp({ review, analyzers: [], timeoutMs: TEN_MINUTES });
  const cap = captured();
  const scope = await mockAnalysis(cap, 20, 'mode: block\n');
  await probot.receive({ id: 't-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
  await queue.idle();
  expect(reviewed).toBe(true);
  expect(cap.checkUpdates).toHaveLength(1);
  expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(cap.checkUpdates[0]!.body.output.summary).toContain('could not be completed: it did not finish within 10 minutes.');
  expect(logs.join('')).toContain('"reason":"it did not finish within 10 minutes"');
  expect(scope.pendingMocks()).toEqual([]);
});
