import { FactsReader } from '../../../src/app/pipeline/facts-reader.js';
import { reviewedRun, review as prReview } from '../helpers/github.js';
import { APP_ID, HEAD_SHA, pullObject } from '../helpers/payloads.js';
import { gather, fakeGitHub, type World } from '../decide/world.js';
import { makeReview } from '../helpers/review.js';

/** The facts reader reads what the job needs, once, and only that. */
const OLD = '1'.repeat(40);
const CLICKED = '3'.repeat(40);
const noTrees = { trees: () => Promise.reject(new Error('not here')), limits: {} as never };

test('a fact read twice is requested once; the pull request read again before publishing is a second request', async () => {
  const { octokit, requests } = fakeGitHub({ review: makeReview([]) });
  const reader = new FactsReader(octokit, { owner: 'acme', repo: 'shop', number: 7 }, APP_ID, noTrees);
  await Promise.all([reader.pull(), reader.pull(), reader.reviews(), reader.reviews()]);
  await reader.pull();
  await reader.latestPull();
  await reader.latestPull();
  expect(requests.sort()).toEqual(['pulls.get', 'pulls.get', 'pulls.listReviews']);
});

test('the history covers the pull request’s commits, the commits reviews were given on, clicked runs and the head', async () => {
  const requests: string[] = [];
  const world: World = {
    review: makeReview([]),
    commits: [OLD, HEAD_SHA],
    reviews: [prReview(1, 'priv', 'APPROVED', '4'.repeat(40))],
    runs: { [OLD]: [reviewedRun(9, OLD, 'f'.repeat(64))] },
    clicks: [{ checkRunId: 8, sha: CLICKED, actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:00:00Z' }],
  };
  const facts = await gather(world, requests);
  expect(requests.filter((r) => r.startsWith('checks.')).sort()).toEqual([
    'checks.listForRef 1',
    'checks.listForRef 3',
    'checks.listForRef 4',
    'checks.listForRef a',
  ]);
  expect(facts.history.records).toEqual([expect.objectContaining({ sha: OLD, fingerprint: 'f'.repeat(64) })]);
});

test('team memberships are looked up only for people who tried to approve and are not listed; only an active membership counts', async () => {
  const requests: string[] = [];
  const comments = ['priv', 'mallory', 'dev', 'carol'].map((login, i) => ({
    id: i + 1,
    body: '/privacy approve',
    user: { login, type: 'User' },
    created_at: '2024-05-01T12:10:00Z',
    updated_at: '2024-05-01T12:10:00Z',
    html_url: '',
  }));
  const facts = await gather(
    {
      config: 'reviewers: {users: [priv], teams: [acme/privacy]}\n',
      review: makeReview([]),
      comments,
      teams: { 'acme/privacy/mallory': 'pending', 'acme/privacy/carol': 'active' },
    },
    requests,
  );
  // Not the listed reviewer, not the author (dev).
  expect(requests.filter((r) => r.startsWith('teams')).sort()).toEqual(['teams acme/privacy/carol', 'teams acme/privacy/mallory']);
  expect(Object.fromEntries(facts.teams)).toEqual({ carol: ['acme/privacy'], mallory: [] });
});

test('no teams configured: no lookups', async () => {
  const requests: string[] = [];
  await gather(
    {
      review: makeReview([]),
      comments: [
        { id: 1, body: '/privacy approve', user: { login: 'mallory', type: 'User' }, created_at: 'x', updated_at: 'x', html_url: '' },
      ],
      pull: pullObject(),
    },
    requests,
  );
  expect(requests.filter((r) => r.startsWith('teams'))).toEqual([]);
});
