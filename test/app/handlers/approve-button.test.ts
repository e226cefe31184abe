import nock from 'nock';
import { API, mockAuth, mockRun, reviewedRun } from '../helpers/github.js';
import { HEAD_SHA, checkRunEvent } from '../helpers/payloads.js';
import { decodeLedger } from '../../../src/app/approval/ledger.js';
import { arrange } from '../helpers/arrange.js';

/**
 * The check run's "Approve" button: GitHub keeps no record of the click, so the App writes it into
 * the clicked run's ledger, where later evaluations find it. Clicked by a reviewer it approves.
 */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('a reviewer clicks Approve → the click is recorded in the run and it concludes success', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {teams: [acme/privacy]}\n',
    tarballs,
    runs: { [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, fp)] },
    updates: { 31: 1 },
    teamLookups: ['acme/privacy/priv'],
    teams: { 'acme/privacy/priv': 'active' },
    commentCreate: true,
  });
  await probot.receive({ id: 'b-1', name: 'check_run', payload: checkRunEvent('requested_action', { runId: 31, sender: 'priv' }) as never });
  await queue.idle();

  const done = cap.checkUpdates[0]!.body;
  expect(done).toMatchObject({ conclusion: 'success', external_id: fp });
  expect(decodeLedger(done.output.text)?.clicks).toEqual([{ actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:30:00.000Z', fingerprint: fp }]);
  expect(done.output.text).toContain('| `@priv` | approved |');
  expect(cap.commentCreates[0]!.body).toContain('by `@priv` (member of `@acme/privacy`, check run **Approve** button');
  expect(scope.pendingMocks()).toEqual([]);
});

test('a pending team invitation is not membership', async () => {
  const { fp, probot, queue, cap, tarballs } = await arrange();
  const scope = mockRun(mockAuth(nock(API)), cap, {
    config: 'reviewers: {teams: [acme/privacy]}\n',
    tarballs,
    runs: { [HEAD_SHA]: [reviewedRun(31, HEAD_SHA, fp)] },
    updates: { 31: 1 },
    teamLookups: ['acme/privacy/priv'],
    teams: { 'acme/privacy/priv': 'pending' },
    commentCreate: true,
    labelAdd: true,
  });
  await probot.receive({ id: 'b-2', name: 'check_run', payload: checkRunEvent('requested_action', { runId: 31, sender: 'priv' }) as never });
  await queue.idle();
  expect(cap.checkUpdates[0]!.body.conclusion).toBe('action_required');
  expect(cap.checkUpdates[0]!.body.output.text).toContain('refused: @priv is not a privacy reviewer');
  expect(scope.pendingMocks()).toEqual([]);
});

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
  expect(decodeLedger(cap.textUpdates[0]!.body.output.text)?.clicks).toEqual([expect.objectContaining({ actor: { login: 'priv', type: 'User' }, fingerprint: fp })]);
  expect(cap.checkUpdates).toEqual([expect.objectContaining({ id: 31, body: expect.objectContaining({ conclusion: 'success' }) })]);
  expect(scope.pendingMocks()).toEqual([]);
});
