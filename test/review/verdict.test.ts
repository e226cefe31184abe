import { decideVerdict, reviewFingerprint } from '../../src/review/verdict.js';
import type { ManifestChange, Review } from '../../src/review/types.js';
import type { ManifestProblem } from '../../src/manifest/types.js';
import { finding, manifest, reviewed } from './factory.js';

const okManifest: Review['manifest'] = { file: '.privacy/manifest.yml', present: true, valid: true, problems: [], changes: [] };
const content = manifest({ flows: [{ id: 'segment', kind: 'third_party', categories: ['user.contact'], countries: ['US'] }] });

const decide = (findings: ReturnType<typeof reviewed>[], m: Partial<Review['manifest']> = {}, drift = 0) =>
  decideVerdict({
    findings,
    manifest: { ...okManifest, ...m },
    drift: Array.from({ length: drift }, () => ({
      finding: finding('data-flow', ['user.contact.email'], { sinkId: 'openai' }),
      existingCategories: ['user.contact.email'],
      sink: 'openai',
      message: 'x',
    })),
    manifestContent: content,
  });

test('pass when nothing new needs a reviewer', () => {
  const v = decide([
    reviewed(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }), 'unchanged', true),
    reviewed(finding('pii-field', ['user.name']), 'fixed'),
  ]);
  expect(v.decision).toBe('pass');
  expect(v.reasons).toEqual(['no new personal data, flows or declaration changes']);
});

test('a new declared finding needs no review', () => {
  expect(decide([reviewed(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }), 'new', true)]).decision).toBe('pass');
});

test.each([
  [
    'an undeclared flow',
    [reviewed(finding('data-flow', ['user.contact.email'], { sinkId: 'segment' }), 'new')],
    /1 undeclared data flow \(segment\)/,
  ],
  [
    'undeclared fields',
    [
      reviewed(finding('pii-field', ['user.name'], { symbol: 'User.name' }), 'new'),
      reviewed(finding('pii-field', ['user.contact.email']), 'new'),
    ],
    /2 undeclared personal-data fields \(User\.name, User\.email\)/,
  ],
  [
    'medium-severity PII logging',
    [reviewed(finding('pii-logging', ['user.contact.email']), 'new')],
    /1 log call with personal data \(pino\)/,
  ],
])('review_required for %s', (_name, findings, reason) => {
  const v = decide(findings);
  expect(v.decision).toBe('review_required');
  expect(v.reasons.join('; ')).toMatch(reason);
});

test('review_required when declarations change, even with no new finding', () => {
  const change: ManifestChange = {
    change: 'widened',
    entity: 'flow',
    id: 'segment',
    added: ['user.name'],
    summary: 'flow segment widened',
  };
  const v = decide([], { changes: [change] });
  expect(v).toMatchObject({ decision: 'review_required', reasons: ['1 declaration change in the manifest'] });
});

test('review_required when the scan configuration changes, and the fingerprint covers it', () => {
  const note = 'This pull request changes .privacy-review.yml; the review used the base side configuration.';
  const v = decideVerdict({ findings: [], manifest: okManifest, drift: [], manifestContent: content, configChanges: [note] });
  expect(v).toMatchObject({ decision: 'review_required', reasons: ['the scan configuration changes (1 file)'] });
  expect(v.reviewFingerprint).not.toBe(decide([]).reviewFingerprint);
});

test('review_required on purpose drift', () => {
  expect(decide([], {}, 2)).toMatchObject({
    decision: 'review_required',
    reasons: ['2 existing data categories sent to a new destination'],
  });
});

test('fail on new high-severity PII logging that is not accepted', () => {
  const leak = finding('pii-logging', ['user.government_id'], { severity: 'high' });
  expect(decide([reviewed(leak, 'new')])).toMatchObject({
    decision: 'fail',
    reasons: ['1 new high-severity log call with personal data (pino)'],
  });
  // accepted (declared by the logging policy, an exception or a suppression): no failure
  expect(decide([reviewed(leak, 'new', true)]).decision).toBe('pass');
  // pre-existing: not this PR's doing
  expect(decide([reviewed(leak, 'unchanged')]).decision).toBe('pass');
});

test('fail on an invalid manifest, naming where', () => {
  const problem: ManifestProblem = {
    file: '.privacy/manifest.yml',
    line: 7,
    column: 5,
    severity: 'error',
    code: 'unknown-category',
    message: 'x',
  };
  const warning: ManifestProblem = { ...problem, severity: 'warning', line: 9 };
  expect(decide([], { valid: false, problems: [problem] })).toMatchObject({
    decision: 'fail',
    reasons: ['the data-flow manifest has 1 error (.privacy/manifest.yml:7)'],
  });
  expect(decide([], { problems: [warning] }).decision).toBe('pass');
});

test('TODO placeholders in the manifest need a reviewer', () => {
  const todo: ManifestProblem = {
    file: '.privacy/manifest.yml',
    line: 12,
    column: 17,
    severity: 'warning',
    code: 'todo',
    message: 'legalBasis is TODO',
  };
  expect(decide([], { problems: [todo] })).toMatchObject({
    decision: 'review_required',
    reasons: ['the manifest still has 1 TODO placeholder (.privacy/manifest.yml:12)'],
  });
});

describe('review fingerprint', () => {
  const a = finding('data-flow', ['user.contact.email'], { sinkId: 'segment', id: 'aaa' });
  const b = finding('pii-field', ['user.name'], { id: 'bbb' });
  const fp = (findings: ReturnType<typeof reviewed>[], m = content) => reviewFingerprint({ findings, manifestContent: m });

  test('is stable under order of findings, manifest entries and their lists', () => {
    const reordered = manifest({ flows: [{ countries: ['US'], categories: ['user.contact'], kind: 'third_party', id: 'segment' }] });
    expect(fp([reviewed(a, 'new'), reviewed(b, 'new')])).toBe(fp([reviewed(b, 'new'), reviewed(a, 'new')], reordered));
  });

  test('ignores declared unchanged findings and fixed ones', () => {
    const base = fp([reviewed(a, 'new')]);
    expect(
      fp([reviewed(a, 'new'), reviewed(b, 'unchanged', true), reviewed(finding('pii-field', ['user.name'], { id: 'ccc' }), 'fixed')]),
    ).toBe(base);
  });

  test('changes with a new finding or a changed declaration', () => {
    const base = fp([reviewed(a, 'new')]);
    expect(fp([reviewed(a, 'new'), reviewed(b, 'new')])).not.toBe(base);
    expect(
      fp([reviewed(a, 'new')], manifest({ flows: [{ id: 'segment', kind: 'third_party', categories: ['user'], countries: ['US'] }] })),
    ).not.toBe(base);
  });
});
