import { renderReview } from '../../src/render/index.js';
import { richReview } from './factory.js';
import { expectWellFormed } from './structure.js';

// One representative checklist, to see layout changes in review; the other tests assert the details.
test('the checklist of a review with one of everything', () => {
  const md = renderReview(richReview(), {
    format: 'markdown',
    links: { repoUrl: 'https://github.com/acme/shop', headSha: '2222222bbbbbbb' },
    marker: '<!-- privacy-review:v1 -->',
  });
  expectWellFormed(md);
  expect(md).toMatchSnapshot();
});
