import { renderReview } from '../../src/render/index.js';
import { finding, review, undeclared } from './factory.js';

/** What a reviewer reads: destinations counted once, one snippet per destination, categories said once, changed findings as such. */
const markdown = (r: ReturnType<typeof review>) => renderReview(r, { format: 'markdown' });

const twoCalls = review({
  findings: [
    undeclared(
      finding({
        id: 'a'.repeat(32),
        line: 19,
        message: 'Sends email address (user.contact.email) from `user.email` to Segment (`segment`) via segment identify.',
        categories: ['user.contact.email'],
      }),
    ),
    undeclared(
      finding({
        id: 'b'.repeat(32),
        line: 30,
        message: 'Sends phone number (user.contact.phone_number) from `user.phone` to Segment (`segment`) via segment track.',
        categories: ['user.contact.phone_number'],
      }),
    ),
  ],
  verdict: { decision: 'review_required', reasons: ['1 undeclared data flow (segment)'], reviewFingerprint: 'f'.repeat(64) },
});

test('one new destination with two calls is one new flow', () => {
  expect(markdown(twoCalls)).toContain('**1 new undeclared flow · 0 new PII fields · 0 new PII log calls · 0 fixed**');
});

test('one snippet per destination, on its first item, declaring what every call needs', () => {
  const md = markdown(twoCalls);
  expect(md.match(/```yaml/g)).toHaveLength(1);
  expect(md).toContain('categories: [user.contact.email, user.contact.phone_number]');
});

test('the categories are said once per finding: in the Data line, not again in the title', () => {
  const md = markdown(twoCalls);
  const item = md.split('\n').find((l) => l.startsWith('- [ ]') && l.includes('segment identify'))!;
  expect(item).not.toContain('user.contact.email');
  expect(item).toContain('Sends email address from `user.email` to Segment');
  expect(md).toContain('  - **Data:** email address (`user.contact.email`)');
});

test('a finding whose categories grew is one changed finding: "now also sends", no fixed entry, counted as changed', () => {
  const now = finding({ categories: ['user.contact.email', 'user.contact.phone_number', 'user.name.first'] });
  const r = review({
    findings: [
      {
        ...undeclared(now),
        previous: {
          id: 'c'.repeat(32),
          file: now.file,
          line: now.line,
          categories: ['user.contact.email', 'user.name.first'],
          severity: 'medium',
        },
      },
    ],
    verdict: { decision: 'review_required', reasons: ['1 undeclared data flow (segment)'], reviewFingerprint: 'f'.repeat(64) },
  });
  const md = markdown(r);
  expect(md).toContain('  - **Changed:** now also sends phone number (`user.contact.phone_number`)');
  expect(md).toContain('· 1 changed · 0 fixed**');
  expect(md).not.toContain('Fixed by this pull request');
});
