import { jobCovers, jobSupersedes, mergeJobs, type PrJob } from '../../../src/app/pipeline/job.js';

/** How pull-request events fold into one job. */
const job = (extra: Partial<PrJob>): PrJob => ({
  installationId: 1,
  pr: { owner: 'o', repo: 'r', number: 7 },
  started: [],
  clicks: [],
  withdrawals: [],
  reanalyze: false,
  events: ['pull_request.synchronize'],
  ...extra,
});

test('merge keeps every started check run and click, the newer head, any re-run', () => {
  const a = job({
    headSha: 'h1',
    started: [{ sha: 'h1', id: 1 }],
    clicks: [{ checkRunId: 1, sha: 'h1', actor: { login: 'p', type: 'User' }, at: 't' }],
    reanalyze: true,
  });
  const b = job({ headSha: 'h2', started: [{ sha: 'h2', id: 2 }] });
  expect(mergeJobs(a, b)).toMatchObject({
    headSha: 'h2',
    started: [
      { sha: 'h1', id: 1 },
      { sha: 'h2', id: 2 },
    ],
    clicks: [{ checkRunId: 1 }],
    reanalyze: true,
  });
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

test('deliveries handled out of order: an older push neither supersedes the running job nor wins a merge', () => {
  const newer = job({ headSha: 'h2', baseSha: 'b2', headAt: '2024-05-01T12:02:00Z', started: [{ sha: 'h2', id: 2 }] });
  const late = job({ headSha: 'h1', baseSha: 'b1', headAt: '2024-05-01T12:01:00Z', started: [{ sha: 'h1', id: 1 }] });
  expect(jobSupersedes(newer, late)).toBe(false);
  expect(jobSupersedes(late, newer)).toBe(true);
  expect(mergeJobs(newer, late)).toMatchObject({
    headSha: 'h2',
    baseSha: 'b2',
    headAt: '2024-05-01T12:02:00Z',
    started: [
      { sha: 'h2', id: 2 },
      { sha: 'h1', id: 1 },
    ],
  });
  expect(mergeJobs(late, newer)).toMatchObject({ headSha: 'h2', baseSha: 'b2' });
  // Pushes within the same second, or an event that does not say: the later event wins, as before.
  expect(jobSupersedes(newer, { ...late, headAt: newer.headAt! })).toBe(true);
  expect(mergeJobs(newer, job({ headSha: 'h3' })).headSha).toBe('h3');
});
