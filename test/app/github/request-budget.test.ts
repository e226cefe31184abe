import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { bindBudget, RequestBudget } from '../../../src/app/github/request-budget.js';
import type { Octokit } from '../../../src/app/github/types.js';

/** A job's requests end with its budget: an abort cuts a rate-limit wait the throttling plugin is sitting out. */
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const API = 'https://api.github.com';
const SECONDARY = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };

function client(): Octokit {
  // Handlers that always wait: only the budget's signal can stop the wait.
  return new ProbotOctokit({
    auth: 'ghs_test',
    retry: { enabled: false },
    throttle: { enabled: true, onRateLimit: () => true, onSecondaryRateLimit: () => true },
  }) as unknown as Octokit;
}

// (The plugin's own timer still runs out, then sends nothing: the wait is short to let Jest exit.)
test('an abort cuts a throttling wait at once, with the abort reason', async () => {
  const octokit = client();
  const stop = new AbortController();
  bindBudget(octokit, new RequestBudget(stop.signal, Date.now() + 120_000));
  nock(API).get('/repos/acme/shop').reply(403, SECONDARY, { 'retry-after': '5' });

  const t0 = Date.now();
  const request = octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' });
  setTimeout(() => stop.abort(new Error('job timed out')), 200);
  await expect(request).rejects.toThrow('job timed out');
  expect(Date.now() - t0).toBeLessThan(4_000);
});

test('a request after the abort is not sent', async () => {
  const octokit = client();
  const stop = new AbortController();
  bindBudget(octokit, new RequestBudget(stop.signal, Date.now() + 120_000));
  const scope = nock(API).get('/repos/acme/shop').reply(200, {});
  stop.abort(new Error('superseded'));
  await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).rejects.toThrow('superseded');
  expect(scope.pendingMocks()).toHaveLength(1);
});

test('a bare retry-after (no secondary-limit message) is sat out within the budget, and not past it', async () => {
  const octokit = client();
  const budget = new RequestBudget(undefined, Date.now() + 60_000);
  bindBudget(octokit, budget);
  nock(API)
    .get('/repos/acme/shop')
    .reply(403, { message: 'Forbidden' }, { 'retry-after': '1' })
    .get('/repos/acme/shop')
    .reply(200, { id: 1 });
  await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).resolves.toMatchObject({ data: { id: 1 } });

  budget.deadline = Date.now() + 500;
  nock(API).get('/repos/acme/shop').reply(403, { message: 'Forbidden' }, { 'retry-after': '1' });
  await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'shop' })).rejects.toMatchObject({ status: 403 });
});

test('canWait: short waits within the deadline only', () => {
  const now = 1_000_000;
  const budget = new RequestBudget(undefined, now + 30_000);
  expect(budget.canWait(10, now)).toBe(true);
  expect(budget.canWait(40, now)).toBe(false);
  expect(new RequestBudget(undefined, now + 3_600_000).canWait(61, now)).toBe(false);
});
