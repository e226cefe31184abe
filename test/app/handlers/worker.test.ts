import nock from 'nock';
import { API, captured, loadApp, mockAnalysis, mockRun } from '../helpers/github.js';
import { pullRequestEvent } from '../helpers/payloads.js';
import { makeTarball } from '../helpers/tarball.js';

/**
 * The App with its review worker threads (here the stub worker, which speaks the real protocol):
 * an analysis that throws on the worker fails the check with the error instead of crashing the
 * App; a review that times out stops its worker and the next pull request is reviewed.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const workerUrl = new URL('../helpers/stub-worker.ts', import.meta.url);

test('an analysis that throws on the worker → failure with the error and Re-run; the App goes on', async () => {
  const { probot, queue, logs, close } = await loadApp({ workerUrl });
  try {
    const cap = captured();
    const scope = await mockAnalysis(cap, 31, 'manifest: .privacy/throw.yml\n');
    await probot.receive({ id: 'w-1', name: 'pull_request', payload: pullRequestEvent('opened') as never });
    await queue.idle();
    expect(cap.checkUpdates[0]!.body).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
    expect(cap.checkUpdates[0]!.body.output.summary).toMatch(
      /^The privacy review of this commit could not be completed: analysis exploded in the worker\./,
    );
    expect(logs.join('')).toContain('"reason":"analysis exploded in the worker"');
    expect(scope.pendingMocks()).toEqual([]);
  } finally {
    await close();
  }
});

test('a review that times out on the worker fails its check; the next review gets a worker and completes', async () => {
  // The timeout also bounds the next review, whose new worker thread must start within it on a loaded machine.
  const { probot, queue, close, pool } = await loadApp({ workerUrl, timeoutMs: 6_000, workers: 1 });
  try {
    const cap = captured();
    const scope = await mockAnalysis(cap, 41, 'manifest: .privacy/hang.yml\n');
    await probot.receive({ id: 'w-2', name: 'pull_request', payload: pullRequestEvent('opened') as never });
    await queue.idle();
    expect(cap.checkUpdates[0]!.body.output.summary).toContain('could not be completed: it did not finish within');
    expect(scope.pendingMocks()).toEqual([]);

    const tar = await makeTarball({ 'a.ts': '' });
    const next = mockRun(nock(API), cap, {
      config: 'manifest: .privacy/fine.yml\n',
      createId: 42,
      updates: { 42: 1 },
      tarballs: { base: tar, head: tar },
    });
    await probot.receive({ id: 'w-3', name: 'pull_request', payload: pullRequestEvent('synchronize') as never });
    await queue.idle();
    expect(cap.checkUpdates.find((u) => u.id === 42)!.body).toMatchObject({ conclusion: 'success' });
    expect(next.pendingMocks()).toEqual([]);
    expect(pool!.started).toBe(2); // the stuck worker was stopped, a new one reviewed
  } finally {
    await close();
  }
}, 60_000);
