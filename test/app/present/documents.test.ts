import { checkSummary, checkText, commentBody } from '../../../src/app/present/documents.js';
import { decodeLedger } from '../../../src/app/approval/ledger.js';

/** Comment and check texts stay within GitHub's 65,535 characters and keep the ledger readable. */
const ledger = {
  v: 1 as const,
  fingerprint: 'f'.repeat(64),
  reviewedAt: '2024-05-01T12:00:00Z',
  asked: [],
  clicks: [],
  withdrawals: [],
  requested: false,
};

test('the comment starts with the marker; the summary has no marker', () => {
  const prepared = { checklist: '## Privacy review\n', starter: '<details>starter</details>' };
  expect(commentBody('**Privacy approval:** x', prepared)).toMatch(/^<!-- privacy-review:v1 -->\n\*\*Privacy approval/);
  expect(commentBody('s', prepared)).toContain('<details>starter</details>');
  expect(checkSummary('s', prepared)).not.toContain('privacy-review:v1');
});

test('oversized parts are cut to the limit', () => {
  const huge = { checklist: 'line\n'.repeat(20_000) };
  expect(commentBody('s', huge).length).toBeLessThanOrEqual(65_535);
  expect(checkSummary('s', huge).length).toBeLessThanOrEqual(65_535);
});

test('the text keeps the ledger even when the audit trail is long', () => {
  const audit = Array.from({ length: 5000 }, (_, i) => ({
    at: '2024-05-01T12:00:00Z',
    login: `u${i}`,
    via: 'comment' as const,
    action: 'refused' as const,
    note: 'n'.repeat(150),
  }));
  const text = checkText(audit, ledger, ['extra '.repeat(20_000)]);
  expect(text.length).toBeLessThanOrEqual(65_535);
  expect(decodeLedger(text)).toEqual(ledger);
});
