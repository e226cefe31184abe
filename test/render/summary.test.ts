import { renderReview } from '../../src/render/index.js';
import { fieldFinding, finding, logFinding, review, undeclared } from './factory.js';

const markdown = (r = review()) => renderReview(r, { format: 'markdown' });
/** The part a developer reads first: everything before the first section heading. */
const summaryOf = (md: string) => md.slice(0, md.indexOf('\n### '));

// The summary must tell in five seconds whether the PR is fine and what to do; one test per verdict.
test('pass: a clear heading, zero counts, nothing to do', () => {
  const s = summaryOf(markdown());
  expect(s).toMatch(/^## Privacy review: Pass\n/);
  expect(s).toContain('**0 new undeclared flows · 0 new PII fields · 0 new PII log calls · 0 fixed**');
  expect(s).toContain('1. Nothing to do: this pull request adds no undeclared personal data, data flows or logging of personal data.');
  expect(s).toContain('Review fingerprint `9e107d9d372b`');
  // Only the short form: the full hash is noise for a reader.
  expect(s).not.toContain('9e107d9d372bb6826bd81d3542a419d6e2e8f3a1b2c3d4e5f60718293a4b5c6d');
});

test('review required: counts by kind and "declare these flows" as the next step', () => {
  const r = review({
    findings: [
      undeclared(finding()),
      undeclared(finding({ id: '1'.repeat(32), file: 'src/b.ts' })),
      undeclared(fieldFinding()),
      { ...undeclared(finding({ id: '2'.repeat(32) })), status: 'fixed' },
    ],
    verdict: { decision: 'review_required', reasons: ['2 undeclared data flows (segment)'], reviewFingerprint: 'abcdef0123456789' },
  });
  const s = summaryOf(markdown(r));
  expect(s).toMatch(/^## Privacy review: Review required\n/);
  // Two calls to one destination are one flow: destinations are counted, not call sites.
  expect(s).toContain('**1 new undeclared flow · 1 new PII field · 0 new PII log calls · 1 fixed**');
  expect(s).toContain('- 2 undeclared data flows \\(segment\\)');
  expect(s).toContain(
    '1. Declare 1 data flow and 1 personal-data field in `.privacy/manifest.yml` \\(snippets below\\) and ask a privacy reviewer to approve.',
  );
  expect(s).toContain('`abcdef012345`');
});

test('fail on manifest errors: "fix the manifest" comes first', () => {
  const r = review({
    manifest: {
      file: '.privacy/manifest.yml',
      present: true,
      valid: false,
      problems: [
        { file: '.privacy/manifest.yml', line: 3, column: 5, severity: 'error', code: 'unknown-category', message: 'Unknown category.' },
      ],
      changes: [],
    },
    findings: [undeclared(finding())],
    verdict: {
      decision: 'fail',
      reasons: ['the data-flow manifest has 1 error (.privacy/manifest.yml:3)'],
      reviewFingerprint: 'f'.repeat(64),
    },
  });
  const s = summaryOf(markdown(r));
  expect(s).toMatch(/^## Privacy review: Fail\n/);
  expect(s).toMatch(
    /\*\*What to do next\*\*\n\n1\. Fix the 1 manifest error in `\.privacy\/manifest\.yml` \\\(listed below\\\)\.\n1\. Declare 1 data flow/,
  );
});

test('fail on PII logging: "remove personal data from these log calls"', () => {
  const r = review({
    findings: [undeclared(logFinding()), undeclared(logFinding({ id: '9'.repeat(32), line: 20 }))],
    verdict: { decision: 'fail', reasons: ['2 new high-severity log calls with personal data (pino)'], reviewFingerprint: 'f'.repeat(64) },
  });
  const s = summaryOf(markdown(r));
  expect(s).toContain('**0 new undeclared flows · 0 new PII fields · 2 new PII log calls · 0 fixed**');
  expect(s).toContain('1. Remove personal data from these 2 log calls: log an opaque id or redact the value.');
  expect(s).not.toContain('Declare');
});

test('no manifest yet: the next step says to create it', () => {
  const r = review({
    manifest: { file: '.privacy/manifest.yml', present: false, valid: true, problems: [], changes: [] },
    findings: [undeclared(finding(), 'there is no data-flow manifest yet')],
    verdict: { decision: 'review_required', reasons: ['1 undeclared data flow (segment)'], reviewFingerprint: 'f'.repeat(64) },
  });
  expect(summaryOf(markdown(r))).toContain(
    '1. Create the data-flow manifest `.privacy/manifest.yml`, declare 1 data flow in it \\(snippets below\\)',
  );
});

test('the heading carries no emoji, only the verdict in words', () => {
  for (const decision of ['pass', 'review_required', 'fail'] as const) {
    const heading = markdown(review({ verdict: { decision, reasons: [], reviewFingerprint: 'f'.repeat(64) } })).split('\n')[0]!;
    expect(heading).toMatch(/^## Privacy review: (Pass|Review required|Fail)$/);
    expect(heading).not.toMatch(/\p{Extended_Pictographic}/u);
  }
});

test('notes on how the review was made are shown with the verdict', () => {
  const s = summaryOf(markdown(review({ notes: ['The pull request changes `.privacy-review.yml`; the change applies once merged.'] })));
  expect(s).toContain('> **Note:** The pull request changes `.privacy-review.yml`; the change applies once merged.');
  expect(s.indexOf('> **Note:**')).toBeLessThan(s.indexOf('**What to do next**'));
});
