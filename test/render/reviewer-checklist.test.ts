import { renderReview } from '../../src/render/index.js';
import { fieldFinding, finding, logFinding, review, undeclared } from './factory.js';

function checklist(r = review()): string[] {
  const md = renderReview(r, { format: 'markdown' });
  const part = md.slice(md.indexOf('### Privacy reviewer checklist'));
  return part
    .split('\n')
    .filter((l) => l.startsWith('- [ ] **'))
    .map((l) => /^- \[ \] \*\*(.+?):\*\*/.exec(l)![1]!);
}

// The privacy reviewer works through these; items that cannot apply to the PR are left out so the rest get read.
test('with nothing changed only the standing check is left (collapsed): no generic items', () => {
  expect(checklist()).toEqual(['Purpose and data minimisation']);
  const md = renderReview(review(), { format: 'markdown' });
  expect(md).toContain('<details><summary>Nothing new to review; the standing checks</summary>');
});

test('each item is tied to a fact of this pull request and says which', () => {
  // A new analytics flow: vendors, transfers, retention at the vendor; no log, security or DPIA item.
  expect(checklist(review({ findings: [undeclared(finding())] }))).toEqual([
    'Purpose and data minimisation',
    'Purpose limitation',
    'Legal basis',
    'Vendors',
    'International transfers',
    'Retention and deletion',
  ]);
  const logged = checklist(review({ findings: [undeclared(logFinding())] }));
  expect(logged).toContain('Nothing personal in logs, traces and analytics');
  expect(logged).not.toContain('Retention and deletion');
  expect(logged).not.toContain('DPIA');
});

test('open, not collapsed, as soon as the PR changes something, whatever the verdict', () => {
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown' });
  expect(md).toContain('### Privacy reviewer checklist\n\n- [ ] **Purpose and data minimisation:**');
  expect(md).not.toContain('Nothing new to review');
});

test('a new third-party flow adds vendors and international transfers', () => {
  const items = checklist(
    review({ findings: [undeclared(finding())], verdict: { decision: 'review_required', reasons: [], reviewFingerprint: 'f'.repeat(64) } }),
  );
  expect(items).toEqual(expect.arrayContaining(['Vendors', 'International transfers', 'Purpose limitation']));
  const md = renderReview(review({ findings: [undeclared(finding())] }), { format: 'markdown' });
  expect(md).toContain('  - New or changed destinations: Segment \\(`segment`\\).');
  // A log call is no vendor.
  expect(checklist(review({ findings: [undeclared(logFinding())] }))).not.toContain('Vendors');
});

test('special categories ask for an Art. 9 condition and keep the data out of ads, profiling and AI', () => {
  const health = finding({
    categories: ['user.health_and_medical'],
    sink: { kind: 'third_party', id: 'openai', label: 'OpenAI', service: 'ai' },
  });
  const md = renderReview(review({ findings: [undeclared(health)] }), { format: 'markdown' });
  expect(md).toContain('an Art. 9\\(2\\) condition');
  expect(md).toContain('  - Special categories: health data \\(`user.health_and_medical`\\).');
  expect(md).toContain('- [ ] **Sensitive data out of advertising, profiling and AI training:**');
  expect(md).toContain('  - Likely needed: special-category data, advertising or AI services.');
  expect(checklist(review({ findings: [undeclared(finding())] }))).not.toContain(
    'Sensitive data out of advertising, profiling and AI training',
  );
});

test("children's and card data count as sensitive too", () => {
  expect(checklist(review({ findings: [undeclared(finding({ categories: ['user.childrens'] }))] }))).toContain(
    'Sensitive data out of advertising, profiling and AI training',
  );
  expect(checklist(review({ findings: [undeclared(logFinding())] }))).toContain(
    'Sensitive data out of advertising, profiling and AI training',
  );
});

test('new stored data asks whether data-subject rights still cover it', () => {
  expect(checklist(review({ findings: [undeclared(fieldFinding())] }))).toContain('Data-subject rights');
  expect(checklist(review({ findings: [undeclared(logFinding({ categories: ['user.contact.email'] }))] }))).not.toContain(
    'Data-subject rights',
  );
});

test('a manifest change that adds a flow counts like a new flow', () => {
  const r = review({
    manifest: {
      file: '.privacy/manifest.yml',
      present: true,
      valid: true,
      problems: [],
      changes: [{ change: 'added', entity: 'flow', id: 'stripe', summary: 'flow `stripe` added' }],
    },
  });
  expect(checklist(r)).toEqual(expect.arrayContaining(['Vendors', 'International transfers']));
});
