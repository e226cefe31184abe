import { decide } from '../../src/app/decide/decide.js';
import { withoutButtons, withoutClicks } from '../../src/action/trust.js';
import { gather, analysisOf, HEAD_SHA, NOW, type World } from '../app/decide/world.js';
import { reviewedRun } from '../app/helpers/github.js';
import { finding, makeReview, reviewed } from '../app/helpers/review.js';

/**
 * Any workflow of a repository can write a "Privacy review" check run as GitHub Actions, text
 * and all. The App counts a click recorded in its own run's ledger as an approval; the action,
 * whose runs have no buttons, does not: a forged ledger approves nothing.
 */
const ONE = makeReview([reviewed(finding('f1'))]);
const FP = ONE.verdict.reviewFingerprint;
const forged: World = {
  review: ONE,
  runs: {
    [HEAD_SHA]: [
      reviewedRun(40, HEAD_SHA, FP, { clicks: [{ actor: { login: 'priv', type: 'User' }, at: '2024-05-01T12:05:00Z', fingerprint: FP }] }),
    ],
  },
};

test('the App counts a click its ledger records (its runs only it can write)', async () => {
  const plan = decide(await gather(forged), analysisOf(ONE), [], NOW);
  expect(plan.check.result.conclusion).toBe('success');
});

test('the action does not: a click in a run text is no approval, and its run offers no buttons', async () => {
  const plan = withoutButtons(decide(withoutClicks(await gather(forged)), analysisOf(ONE), [], NOW));
  expect(plan.check.result.conclusion).toBe('action_required');
  expect(plan.check.result.actions).toEqual([]);
  expect(plan.log.approved).toBe(false);
});
