import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { compareCommits, MAX_LISTED_FILES } from '../../../src/app/github/compare.js';

/* GitHub's compare endpoint lists at most 300 files, on the first page only: a full list may be cut. */

const repo = { owner: 'acme', repo: 'shop' };
const octokit = new ProbotOctokit({ auth: { token: 't' }, retry: { enabled: false }, throttle: { enabled: false } }) as never;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function reply(files: { filename: string; status: string; previous_filename?: string }[]) {
  return nock('https://api.github.com')
    .get('/repos/acme/shop/compare/b...h')
    .query({ per_page: '1', page: '1' })
    .reply(200, { merge_base_commit: { sha: 'm'.repeat(40) }, files, commits: [] });
}

test('a short list is complete, with renames by their old name', async () => {
  const scope = reply([
    { filename: 'src/a.ts', status: 'modified' },
    { filename: 'src/new.ts', status: 'renamed', previous_filename: 'src/old.ts' },
  ]);
  const c = await compareCommits(octokit, repo, 'b', 'h');
  expect(c).toEqual({
    mergeBase: 'm'.repeat(40),
    renames: new Map([['src/old.ts', 'src/new.ts']]),
    changed: ['src/a.ts', 'src/new.ts'],
    complete: true,
  });
  scope.done();
});

test('a list of 300 files may have been cut: not complete, and no second page is asked for', async () => {
  const scope = reply(Array.from({ length: MAX_LISTED_FILES }, (_, i) => ({ filename: `src/f${i}.ts`, status: 'modified' })));
  const c = await compareCommits(octokit, repo, 'b', 'h');
  expect(c.changed).toHaveLength(300);
  expect(c.complete).toBe(false);
  scope.done();
});
