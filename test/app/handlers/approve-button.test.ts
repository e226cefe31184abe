import nock from 'nock';
import { API, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, checkRunEvent } from '../helpers/payloads.js';
import { decodeLedger } from '../../../src/app/approval/ledger.js';
import { arrange } from '../helpers/arrange.js';

/**
 * The check run's "Approve" button: GitHub keeps no record of the click, so the App writes it into
 * the clicked run's ledger, where later evaluations find it. Clicked by a reviewer it approves.
 * Who may approve by clicking, and what a click covers: test/app/decide/decide.test.ts.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('a click on an older commit’s run is recorded in that run and counts for its fingerprint', async () => {
  const OLD = '1'.repeat(40);
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {users: [priv]}\n',
    tarballs,
    commits: [OLD, HEAD_SHA],
    runs: { [OLD]: [reviewedRun(29, OLD, fp)], [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, fp)] },
    updates: { 29: 1, 31: 1 },
    commentCreate: true,
  });
  const event = checkRunEvent('requested_action', { runId: 29, sender: 'priv' });
  event.check_run.head_sha = OLD;
  await probot.receive({ id: 'b-3', name: 'check_run', payload: event as never });
  await queue.idle();
  expect(cap.textUpdates).toHaveLength(1);
  expect(cap.textUpdates[0]!.id).toBe(29);
  expect(decodeLedger(cap.textUpdates[0]!.body.output.text)?.clicks).toEqual([
    { actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:30:00.000Z', fingerprint: fp },
  ]);
  expect(cap.checkUpdates).toEqual([expect.objectContaining({ id: 31, body: expect.objectContaining({ conclusion: 'success' }) })]);
  expect(scope.pendingMocks()).toEqual([]);
});
