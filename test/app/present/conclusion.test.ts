import { decideOutcome, errorOutcome } from '../../../src/app/present/conclusion.js';
import type { ApprovalState } from '../../../src/app/approval/types.js';

/** The check run's conclusion from verdict, approvals and mode. */
const approval = (approved: boolean): ApprovalState => ({
  fingerprint: 'f',
  required: 1,
  approved,
  current: approved ? [{ reviewer: 'priv', via: 'comment', at: '2024-05-01T12:00:00Z', fingerprint: 'f', as: 'listed reviewer' }] : [],
  outdated: [],
  refused: [],
  audit: [],
  withdrawals: [],
});

test.each([
  ['pass', false, 'block', 'success', [], false, false],
  ['pass', false, 'warn', 'success', [], false, false],
  ['review_required', false, 'block', 'action_required', ['approve'], true, true],
  ['review_required', false, 'warn', 'neutral', ['approve'], true, true],
  ['review_required', true, 'block', 'success', [], false, false],
  ['review_required', true, 'warn', 'success', [], false, false],
  ['fail', false, 'block', 'failure', [], true, false],
  ['fail', true, 'block', 'failure', [], true, false], // an approval never overrides a failed review
  ['fail', false, 'warn', 'neutral', [], true, false],
] as const)('%s, approved %s, %s mode → %s', (decision, approved, mode, conclusion, actions, attention, ask) => {
  const outcome = decideOutcome(decision, ['2 undeclared data flows (segment, openai)'], approval(approved), mode);
  expect(outcome.conclusion).toBe(conclusion);
  expect(outcome.actions.map((a) => a.identifier)).toEqual(actions);
  expect(outcome.needsAttention).toBe(attention);
  expect(outcome.askReviewers).toBe(ask);
  expect(outcome.title.length).toBeLessThanOrEqual(120);
});

test('an approved review names who approved', () => {
  expect(decideOutcome('review_required', ['x'], approval(true), 'block').title).toBe('Approved by @priv');
});

test('a failure to run: failure in block mode (and unknown mode), neutral in warn mode, always a Re-run button', () => {
  expect(errorOutcome('block')).toMatchObject({ conclusion: 'failure', actions: [expect.objectContaining({ identifier: 'rerun' })] });
  expect(errorOutcome(undefined).conclusion).toBe('failure');
  expect(errorOutcome('warn').conclusion).toBe('neutral');
});

test('button texts fit GitHub’s limits (label 20, description 40, identifier 20)', () => {
  for (const a of [...decideOutcome('review_required', ['x'], approval(false), 'block').actions, ...errorOutcome('block').actions]) {
    expect(a.label.length).toBeLessThanOrEqual(20);
    expect(a.description.length).toBeLessThanOrEqual(40);
    expect(a.identifier.length).toBeLessThanOrEqual(20);
  }
});
