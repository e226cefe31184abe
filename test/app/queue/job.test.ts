import { jobCovers, jobSupersedes, mergeJobs, type PrJob } from '../../../src/app/pipeline/job.js';

/** How pull-request events fold into one job. */
const job = (extra: Partial<PrJob>): PrJob => ({ installationId: 1, pr: { owner: 'o', repo: 'r', number: 7 }, started: [], clicks: [], withdrawals: [], reanalyze: false, events: ['pull_request.synchronize'], ...extra });

test('merge keeps every started check run and click, the newer head, any re-run', () => {
  const a = job({ headSha: 'h1', started: [{ sha: 'h1', id: 1 }], clicks: [{ checkRunId: 1, sha: 'h1', actor: { login: 'p', type: 'User' }, at: 't' }], reanalyze: true });
  const b = job({ headSha: 'h2', started: [{ sha: 'h2', id: 2 }] });
  expect(mergeJobs(a, b)).toMatchObject({ headSha: 'h2', started: [{ sha: 'h1', id: 1 }, { sha: 'h2', id: 2 }], clicks: [{ checkRunId: 1 }], reanalyze: true });
  expect(mergeJobs(b, job({ events: ['issue_comment.created'] })).headSha).toBe('h2');
});

test.each([
  ['same head, nothing new', job({ headSha: 'h' }), true],
  ['same head, a new check run to complete', job({ headSha: 'h', started: [{ sha: 'h', id: 3 }] }), false],
  ['a comment (approvals may have changed)', job({ events: ['issue_comment.created'] }), false],
  ['a click', job({ headSha: 'h', clicks: [{ checkRunId: 1, sha: 'h', actor: { login: 'p', type: 'User' }, at: 't' }] }), false],
  ['another base', job({ headSha: 'h', baseSha: 'other' }), false],
  ['a re-run', job({ headSha: 'h', reanalyze: true }), false],
])('running job covers: %s → %s', (_name, incoming, covered) => {
  expect(jobCovers(job({ headSha: 'h', baseSha: 'b' }), incoming)).toBe(covered);
});

test('only a different head supersedes', () => {
  expect(jobSupersedes(job({ headSha: 'h1' }), job({ headSha: 'h2' }))).toBe(true);
  expect(jobSupersedes(job({ headSha: 'h1' }), job({ headSha: 'h1' }))).toBe(false);
  expect(jobSupersedes(job({ headSha: 'h1' }), job({}))).toBe(false);
  // A late delivery for a head whose check run the running job already has (out of order): not newer.
  expect(jobSupersedes(job({ headSha: 'h2', started: [{ sha: 'h1', id: 1 }] }), job({ headSha: 'h1' }))).toBe(false);
  expect(jobSupersedes(job({ headSha: 'h2', starting: [{ sha: 'h1', id: Promise.resolve(1) }] }), job({ headSha: 'h1' }))).toBe(false);
});

test('a check run still being created keeps the job from being covered and is merged along', () => {
  const creating = job({ headSha: 'h', starting: [{ sha: 'h', id: Promise.resolve(4) }] });
  expect(jobCovers(job({ headSha: 'h', baseSha: 'b' }), creating)).toBe(false);
  expect(mergeJobs(job({ headSha: 'h0' }), creating).starting?.map((s) => s.sha)).toEqual(['h']);
});
