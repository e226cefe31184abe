import { whatChanged } from '../../../src/app/present/what-changed.js';
import { finding, makeReview, reviewed } from '../helpers/review.js';

/** Why an approval of an earlier fingerprint lapsed, from the asked findings recorded then and now. */
const review = makeReview([
  reviewed(finding('aaaa')),
  reviewed(finding('bbbb', { file: 'src/ai.ts', line: 9, sink: { kind: 'third_party', id: 'openai' } })),
]);
const id = (p: string) => p.padEnd(32, '0').slice(0, 16);

test.each([
  [[id('aaaa')], '1 new finding to review: data-flow in `src/ai.ts:9` (`openai`)'],
  [[id('aaaa'), id('bbbb'), id('cccc')], '1 finding it covered is gone'],
  [[id('aaaa'), id('bbbb')], 'the data-flow manifest changed'],
  [undefined, 'the review has changed since (the approved review recorded no details)'],
])('%j', (asked, text) => {
  expect(whatChanged(asked, review)).toBe(text);
});
