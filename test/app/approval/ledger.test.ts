import { decodeLedger, encodeLedger, stripLedger, type Ledger } from '../../../src/app/approval/ledger.js';

/** The record the App keeps in its check runs survives a round trip, and nothing else passes for it. */
const ledger: Ledger = {
  v: 1,
  fingerprint: 'f'.repeat(64),
  reviewedAt: '2024-05-01T12:00:00Z',
  asked: ['0123456789abcdef'],
  clicks: [{ actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:03:00Z', fingerprint: 'f'.repeat(64) }],
  withdrawals: [
    {
      via: 'comment',
      id: 41,
      actor: { login: 'priv', type: 'User' },
      at: '2024-05-01T12:05:00Z',
      url: 'https://github.com/o/r/pull/7#issuecomment-41',
    },
  ],
  requested: true,
};

test('round trip inside a check run text, hidden and without "--"', () => {
  const hidden = encodeLedger(ledger);
  expect(hidden).toMatch(/^<!-- privacy-review:ledger [A-Za-z0-9_-]+ -->$/);
  expect(hidden.slice(4, -3)).not.toContain('--');
  const text = `## Approval audit trail\n\nrows\n\n${hidden}`;
  expect(decodeLedger(text)).toEqual(ledger);
  expect(stripLedger(text)).toBe('## Approval audit trail\n\nrows');
});

test.each([
  ['no ledger', 'plain text'],
  ['not base64 JSON', '<!-- privacy-review:ledger !!! -->'],
  ['another version', `<!-- privacy-review:ledger ${Buffer.from(JSON.stringify({ ...ledger, v: 2 })).toString('base64url')} -->`],
  [
    'no reviewedAt',
    `<!-- privacy-review:ledger ${Buffer.from(JSON.stringify({ ...ledger, reviewedAt: undefined })).toString('base64url')} -->`,
  ],
])('%s: undefined', (_name, text) => {
  expect(decodeLedger(text)).toBeUndefined();
});

test('malformed withdrawals are dropped; a ledger written before withdrawals were kept reads as none', () => {
  const text = encodeLedger({
    ...ledger,
    withdrawals: [{ via: 'email', id: 1 } as never, { via: 'review', id: '2' } as never, ...ledger.withdrawals],
  });
  expect(decodeLedger(text)?.withdrawals).toEqual(ledger.withdrawals);
  const old = `<!-- privacy-review:ledger ${Buffer.from(JSON.stringify({ ...ledger, withdrawals: undefined })).toString('base64url')} -->`;
  expect(decodeLedger(old)?.withdrawals).toEqual([]);
});

test('malformed clicks are dropped', () => {
  const text = encodeLedger({ ...ledger, clicks: [{ at: 'x' } as never, ...ledger.clicks] });
  expect(decodeLedger(text)?.clicks).toEqual(ledger.clicks);
});
