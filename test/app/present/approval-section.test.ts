import { approvalSection, SECTION_BUDGET } from '../../../src/app/present/approval-section.js';
import { DEFAULT_SETTINGS } from '../../../src/app/config/types.js';
import type { ApprovalState } from '../../../src/app/approval/types.js';

/** The App's part of the comment: status, how to approve, lapsed approvals with what changed, refusals. */
const FP = '0123456789ab'.padEnd(64, 'c');
const settings = { ...DEFAULT_SETTINGS, reviewers: { users: ['priv'], teams: ['acme/privacy'], required: 1 } };
const base: ApprovalState = {
  fingerprint: FP,
  required: 1,
  approved: false,
  current: [],
  outdated: [],
  refused: [],
  audit: [],
  withdrawals: [],
};

test('waiting: names the reviewers without notifying them, the command with the fingerprint, checkboxes do not count', () => {
  const text = approvalSection({ decision: 'review_required', approval: base, settings, changes: new Map() });
  expect(text).toContain('waiting for an approval of review fingerprint `0123456789ab` from a privacy reviewer (`@priv`, `@acme/privacy`)');
  expect(text).toContain('`/privacy approve 0123456789ab`');
  expect(text).toContain('Ticking the boxes in this comment does not approve');
  expect(text).not.toMatch(/(^|[^`])@priv/);
});

test('a lapsed approval says what changed; a refused attempt says why', () => {
  const approval: ApprovalState = {
    ...base,
    outdated: [{ reviewer: 'priv', via: 'comment', at: '2024-05-01T10:00:00Z', fingerprint: 'f'.repeat(64), as: 'listed reviewer' }],
    refused: [
      {
        login: 'dev',
        via: 'comment',
        at: '2024-05-01T11:00:00Z',
        reason: 'the author of a pull request cannot approve it',
        url: 'https://github.com/acme/shop/pull/7#issuecomment-1',
      },
    ],
  };
  const text = approvalSection({
    decision: 'review_required',
    approval,
    settings,
    changes: new Map([['priv', '1 new finding to review: data-flow in `src/a.ts:3` (`openai`)']]),
  });
  expect(text).toContain(
    '- `@priv` approved fingerprint `ffffffffffff` (2024-05-01 10:00 UTC): 1 new finding to review: data-flow in `src/a.ts:3` (`openai`).',
  );
  expect(text).toContain(
    '- `@dev`, `/privacy approve` ([link](https://github.com/acme/shop/pull/7#issuecomment-1)) (2024-05-01 11:00 UTC): the author of a pull request cannot approve it.',
  );
});

test('approved, passed, failed, warn mode', () => {
  const approved = {
    ...base,
    approved: true,
    current: [{ reviewer: 'tm', via: 'review' as const, at: '2024-05-01T12:00:00Z', fingerprint: FP, as: 'acme/privacy' }],
  };
  expect(approvalSection({ decision: 'review_required', approval: approved, settings, changes: new Map() })).toContain(
    '✅ approved for review fingerprint `0123456789ab` by `@tm` (member of `@acme/privacy`, approving review, 2024-05-01 12:00 UTC)',
  );
  expect(approvalSection({ decision: 'pass', approval: base, settings, changes: new Map() })).toMatch(/not needed/);
  expect(approvalSection({ decision: 'fail', approval: approved, settings, changes: new Map() })).toMatch(
    /does not override a failed review/,
  );
  expect(
    approvalSection({ decision: 'review_required', approval: base, settings: { ...settings, mode: 'warn' }, changes: new Map() }),
  ).toContain('warn mode');
});

test('bounded however many refusals', () => {
  const refused = Array.from({ length: 500 }, (_, i) => ({
    login: `u${i}`,
    via: 'comment' as const,
    at: '2024-05-01T11:00:00Z',
    reason: 'x'.repeat(300),
  }));
  expect(
    approvalSection({ decision: 'review_required', approval: { ...base, refused }, settings, changes: new Map() }).length,
  ).toBeLessThanOrEqual(SECTION_BUDGET);
});
