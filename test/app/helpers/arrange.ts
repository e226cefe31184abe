import { captured, loadApp } from './github.js';
import { finding, makeReview, reviewed } from './review.js';
import { makeTarball } from './tarball.js';
import type { Review } from '../../../src/review/types.js';

/**
 * What most handler tests start from: an App whose review asks about one undeclared finding, a
 * capture of the requests it makes, and a one-file tarball for both sides of the pull request.
 */
export async function arrange(review: Review = makeReview([reviewed(finding('f1'))])) {
  const { probot, queue } = await loadApp({ review: async () => review });
  const tar = await makeTarball({ 'a.ts': '' });
  return { review, fp: review.verdict.reviewFingerprint, probot, queue, cap: captured(), tarballs: { base: tar, head: tar } };
}
