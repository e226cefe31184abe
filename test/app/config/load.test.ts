import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { loadAppConfig } from '../../../src/app/config/load.js';
import { ConfigError } from '../../../src/config/errors.js';
import type { Octokit } from '../../../src/app/github/types.js';

/**
 * Where the configuration comes from: the repository's default branch (no ref: a pull request
 * cannot change its own rules), else the owner's `.github` repository, plus `_extends`.
 */
const API = 'https://api.github.com';
const octokit = () =>
  new ProbotOctokit({ auth: { token: 't' }, retry: { enabled: false }, throttle: { enabled: false } }) as unknown as Octokit;
const repo = { owner: 'acme', repo: 'shop' };
const path = '/contents/.github%2Fprivacy-review.yml';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

test('the repository’s file, read raw from the default branch', async () => {
  let accept = '';
  const scope = nock(API)
    .get(`/repos/acme/shop${path}`)
    .query((q) => Object.keys(q).length === 0) // no ref: the default branch
    .reply(function () {
      accept = String(this.req.headers.accept);
      return [200, 'mode: warn\n', { 'content-type': 'text/plain' }];
    });
  const config = await loadAppConfig(octokit(), repo);
  expect(config.settings.mode).toBe('warn');
  expect(config.sources).toEqual(['.github/privacy-review.yml']);
  expect(accept).toContain('application/vnd.github.v3.raw');
  expect(scope.isDone()).toBe(true);
});

test('no file in the repository: the organisation’s .github repository', async () => {
  const scope = nock(API)
    .get(`/repos/acme/shop${path}`)
    .reply(404, { message: 'Not Found' })
    .get(`/repos/acme/.github${path}`)
    .reply(200, 'reviewers: {teams: [acme/privacy]}\n', { 'content-type': 'text/plain' });
  const config = await loadAppConfig(octokit(), repo);
  expect(config.settings.reviewers.teams).toEqual(['acme/privacy']);
  expect(config.sources).toEqual(['acme/.github:.github/privacy-review.yml']);
  expect(scope.isDone()).toBe(true);
});

test('nowhere: the defaults', async () => {
  nock(API).get(`/repos/acme/shop${path}`).reply(404, {}).get(`/repos/acme/.github${path}`).reply(404, {});
  const config = await loadAppConfig(octokit(), repo);
  expect(config.settings.mode).toBe('block');
  expect(config.sources).toEqual([]);
});

test('_extends another repository’s file; the repository’s keys win', async () => {
  nock(API)
    .get(`/repos/acme/shop${path}`)
    .reply(200, '_extends: acme/policies:privacy.yml\nmode: warn\n', { 'content-type': 'text/plain' })
    .get('/repos/acme/policies/contents/privacy.yml')
    .reply(200, 'mode: block\nreviewers: {users: [priv]}\n', { 'content-type': 'text/plain' });
  const config = await loadAppConfig(octokit(), repo);
  expect(config.settings.mode).toBe('warn');
  expect(config.settings.reviewers.users).toEqual(['priv']);
});

test('an error in the extended file names that file and line', async () => {
  nock(API)
    .get(`/repos/acme/shop${path}`)
    .reply(200, '_extends: .github\n', { 'content-type': 'text/plain' })
    .get(`/repos/acme/.github${path}`)
    .reply(200, '\nmode: loud\n', { 'content-type': 'text/plain' });
  const error = await loadAppConfig(octokit(), repo).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems[0]).toMatchObject({ file: 'acme/.github:.github/privacy-review.yml', line: 2 });
});

test('a server error is not taken for a missing file', async () => {
  nock(API).get(`/repos/acme/shop${path}`).reply(500, { message: 'boom' });
  await expect(loadAppConfig(octokit(), repo)).rejects.toMatchObject({ status: 500 });
});
