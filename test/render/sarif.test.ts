import '@microsoft/jest-sarif';
import type * as Sarif from 'sarif';
import { renderReview } from '../../src/render/index.js';
import { METAS } from '../report/fixture.js';
import { review, richReview } from './factory.js';

const sarif = (r = richReview(), rules = METAS) => JSON.parse(renderReview(r, { format: 'sarif', rules })) as Sarif.Log;

// Code scanning rejects off-schema SARIF; the review's SARIF holds what the reviewer is asked about.
test('is a valid SARIF 2.1.0 log, with and without findings or rule metadata', () => {
  expect(sarif()).toBeValidSarifLog();
  expect(sarif(review())).toBeValidSarifLog();
  expect(sarif(richReview(), [])).toBeValidSarifLog();
});

test('results: head findings that are new or still undeclared; not fixed, not declared-and-unchanged', () => {
  const results = sarif().runs[0]!.results!;
  expect(results.map((r) => r.partialFingerprints!['privacyReview/v1'])).toEqual([
    '3f1c9a7e5b2d4c6e8f0a1b2c3d4e5f60', // new, undeclared flow
    'b'.repeat(32), // new, undeclared logging
    'c'.repeat(32), // new, undeclared field
    'd'.repeat(32), // new, declared
    'e'.repeat(32), // unchanged, undeclared
  ]);
});

test('each result says why it is in the review and carries the manifest snippet', () => {
  const [flow, , , declared] = sarif().runs[0]!.results!;
  expect(flow!.message.text).toBe(
    'Sends email address and first name from `user.email`, `user.firstName` to Segment (`segment`) via segment identify. Not declared: no flow in the manifest matches `segment`.',
  );
  expect(flow!.properties!.review).toMatchObject({
    status: 'new',
    declared: false,
    reason: 'no flow in the manifest matches `segment`',
    manifestSection: 'flows',
  });
  expect(flow!.properties!.review.manifestSnippet).toMatch(/segment/);
  expect(declared!.properties!.review).toEqual({
    status: 'new',
    declared: true,
    declaration: { kind: 'flow', id: 'openai', purposes: ['support'] },
  });
  expect(flow!.codeFlows![0]!.threadFlows[0]!.locations).toHaveLength(3);
});

test('the run names the verdict and fingerprint; files not analyzed are notifications', () => {
  const run = sarif().runs[0]!;
  expect(run.properties!.review).toMatchObject({
    decision: 'fail',
    reviewFingerprint: '9e107d9d372bb6826bd81d3542a419d6e2e8f3a1b2c3d4e5f60718293a4b5c6d',
  });
  expect(run.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
    'Syntax error: ";" expected.',
    'Not analyzed: minified bundle',
  ]);
});
