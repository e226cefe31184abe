import { exitCodeForDecision } from '../../src/cli/commands/review.js';

// The review verdict as an exit code, for each --fail-on (the end-to-end runs use the default).
test.each([
  ['pass', 'review', 0],
  ['review_required', 'review', 1],
  ['fail', 'review', 1],
  ['pass', 'fail', 0],
  ['review_required', 'fail', 0],
  ['fail', 'fail', 1],
  ['pass', 'none', 0],
  ['review_required', 'none', 0],
  ['fail', 'none', 0],
] as const)('%s with --fail-on %s exits %d', (decision, failOn, code) => {
  expect(exitCodeForDecision(decision, failOn)).toBe(code);
});
