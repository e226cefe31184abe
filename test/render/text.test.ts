import { renderReview } from '../../src/render/index.js';
import { finding, review, richReview, undeclared } from './factory.js';

// The terminal version: verdict and counts on top, findings with their status, next steps last.
test('verdict, counts and reasons first', () => {
  const text = renderReview(richReview(), { format: 'text' });
  expect(
    text.startsWith(
      'Privacy review: Fail\n  1 new undeclared flow · 1 new PII field · 1 new PII log call · 1 fixed\n  - the data-flow manifest has 1 error (.privacy/manifest.yml:14)\n',
    ),
  ).toBe(true);
  expect(text).toContain('  fingerprint 9e107d9d372b · base main (1111111) → head feature/signup (2222222)\n');
});

test('findings with status, severity, rule, location and why they are undeclared', () => {
  const text = renderReview(richReview(), { format: 'text' });
  expect(text).toContain(
    'New findings to resolve (3):\n  new       high    pii-logging  src/services/billing.ts:13:5  Logs payment card number',
  );
  expect(text).toContain('             not declared: the logging policy does not allow user.financial.credit_card in logs\n');
  expect(text).toContain('Fixed (1):\n  fixed     high    pii-logging  src/old.ts:4:5');
  expect(text).toContain('Undeclared before this change (1):\n  unchanged medium  data-flow    src/legacy.ts:3:3');
});

test('next steps last, without pointers to checklist sections the terminal does not have', () => {
  const text = renderReview(richReview(), { format: 'text' });
  const steps = text.slice(text.indexOf('Next steps:'));
  expect(steps).toContain('  1. Fix the 1 manifest error in `.privacy/manifest.yml`.\n');
  expect(steps).toContain(
    '  3. Declare 1 data flow and 1 personal-data field in `.privacy/manifest.yml` and ask a privacy reviewer to approve.\n',
  );
  expect(steps).not.toMatch(/below|at the end/);
  expect(text.trimEnd().endsWith('nothing in the code uses.')).toBe(true);
});

test('control characters from code cannot drive the terminal; colour only when asked for', () => {
  const r = review({ findings: [undeclared(finding({ file: 'src/\u001b[2Jevil.ts', message: 'm\u0007' }))] });
  const plain = renderReview(r, { format: 'text' });
  expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  expect(plain).toContain('src/?[2Jevil.ts');
  expect(renderReview(r, { format: 'text', color: true })).toMatch(/^\u001b\[1m\u001b\[32mPrivacy review: Pass/);
});
