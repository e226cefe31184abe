import { renderReview } from '../../src/render/index.js';
import { review } from './factory.js';

// The App finds its sticky comment by the marker: it must come first and be one inert HTML comment.
test('the marker is the first line', () => {
  const md = renderReview(review(), { format: 'markdown', marker: '<!-- privacy-review:v1 -->' });
  expect(md.split('\n')[0]).toBe('<!-- privacy-review:v1 -->');
  expect(renderReview(review(), { format: 'markdown' }).startsWith('## ')).toBe(true);
});

test('a marker that is not a single HTML comment is refused', () => {
  for (const marker of ['privacy-review', '<!-- a --> visible <!-- b -->', '<!-- a -- b -->', '<!--> x -->']) {
    expect(() => renderReview(review(), { format: 'markdown', marker })).toThrow(RangeError);
  }
});
